import { useState } from "preact/hooks";
import {
  addRoundPhoto,
  removeRoundPhoto,
  roundPhotoPath,
  type RoundPhoto,
  type RoundSheet,
} from "../../api/competitions";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";

type Props = {
  sheet: RoundSheet;
  item: RoundSheet["round"]["items"][number];
  /** the sheet can still change: the photos can be added and removed */
  writable: boolean;
  onPhotos: (photos: RoundPhoto[]) => void;
};

/**
 * The photos of one checklist item (field verification): thumbnails that open the photo, and a
 * button that opens the phone's camera. A photo is stored as soon as it is taken; the sheet's
 * pass/fail boxes and note stay as they are until saved.
 */
export function ItemPhotos({ sheet, item, writable, onPhotos }: Props) {
  const mine = sheet.photos.filter((p) => p.itemKey === item.key);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // a new file input after each photo: the browser's picker cannot be emptied otherwise
  const [picker, setPicker] = useState(0);

  async function act(action: () => Promise<RoundPhoto[]>, done: string) {
    setBusy(true);
    setProblem(null);
    setStatus(t("roundReview.photoUploading"));
    try {
      onPhotos(await action());
      setStatus(done);
    } catch (error) {
      setStatus(null);
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
      setPicker((n) => n + 1);
    }
  }

  const take = (file: File | undefined) => {
    if (!file || busy) return;
    void act(
      async () => [...sheet.photos, await addRoundPhoto(sheet.id, item.key, file)],
      t("roundReview.photoAdded", { item: item.label }),
    );
  };

  const remove = (photo: RoundPhoto) =>
    void act(async () => {
      await removeRoundPhoto(sheet.id, photo.id);
      return sheet.photos.filter((p) => p.id !== photo.id);
    }, t("roundReview.photoRemoved"));

  if (!writable && mine.length === 0) return null;
  return (
    <div class="item-photos">
      {mine.length > 0 && (
        <ul class="photo-strip" aria-label={t("roundReview.photosOf", { item: item.label })}>
          {mine.map((p, i) => (
            <li key={p.id}>
              <a href={roundPhotoPath(sheet.id, p.id)} download={p.fileName}>
                <img
                  src={roundPhotoPath(sheet.id, p.id)}
                  alt={t("roundReview.photoAlt", { n: i + 1, item: item.label })}
                  width={96}
                  height={96}
                  loading="lazy"
                />
              </a>
              {writable && (
                <button
                  type="button"
                  class="link-button"
                  aria-label={t("roundReview.photoRemove", { n: i + 1, item: item.label })}
                  onClick={() => remove(p)}
                >
                  {t("roundReview.photoRemoveShort")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable && (
        <label class="button button-secondary button-small photo-add">
          <input
            key={picker}
            class="visually-hidden"
            aria-label={t("roundReview.photoAddFor", { item: item.label })}
            type="file"
            accept="image/*"
            capture="environment"
            disabled={busy}
            onChange={(e) => take(e.currentTarget.files?.[0])}
          />
          {t("roundReview.photoAdd")}
        </label>
      )}
      <StatusLine text={status} />
      {problem && <ProblemMessage problem={problem} />}
    </div>
  );
}

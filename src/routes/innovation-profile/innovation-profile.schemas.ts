import { z } from "@hono/zod-openapi";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import {
  BUDGET_SOURCES,
  EVIDENCE_KINDS,
  INNOVATION_FORMS,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
  isHttpsUrl,
  MAX_INDICATORS,
  PROFILE_LIMITS,
  URUSAN,
} from "../../domain/innovation-profile";
import { idParam } from "../../lib/openapi";

export const EvidenceParams = z.object({ id: idParam("id"), evidenceId: idParam("evidenceId", 2) });

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(PROFILE_LIMITS.url, { message: `Tautan paling panjang ${PROFILE_LIMITS.url} karakter.` })
    .refine(isHttpsUrl, { message: `${what} harus tautan https://`, params: { code: "profile.url_not_https" } });

const date = z.iso.date({ message: "Tulis tanggal sebagai TTTT-BB-HH." }).openapi({ example: "2026-03-02" });
const text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${what} minimal ${min} karakter.` })
    .max(max, { message: `${what} paling panjang ${max} karakter.` });

const IndicatorInput = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9-]{1,24}$/)
      .optional()
      .openapi({ description: "An existing indicator's key (kept, so its evidence stays linked); omit for a new one" }),
    name: text(...PROFILE_LIMITS.indicatorName, "Nama indikator"),
    unit: text(...PROFILE_LIMITS.indicatorUnit, "Satuan"),
    before: z.number({ message: "Isi nilai sebelum (angka)." }).finite(),
    after: z.number({ message: "Isi nilai sesudah (angka)." }).finite(),
  })
  .strict();

export const ProfileInputSchema = z
  .object({
    stage: z.enum(INNOVATION_STAGES, { message: "Pilih tahapan inovasi." }),
    trialDate: date.nullable().default(null),
    implementationDate: date.nullable().default(null),
    type: z.enum(INNOVATION_TYPES, { message: "Pilih digital atau non-digital." }),
    form: z.enum(INNOVATION_FORMS, { message: "Pilih bentuk inovasi." }),
    urusan: z.enum(URUSAN, { message: "Pilih urusan pemerintahan." }),
    sdgs: z
      .array(z.number().int().min(1).max(17), { message: "Pilih tujuan TPB/SDGs." })
      .min(1, { message: "Pilih minimal satu tujuan TPB/SDGs." })
      .max(17),
    objectives: text(...PROFILE_LIMITS.objectives, "Tujuan"),
    targetGroups: text(...PROFILE_LIMITS.targetGroups, "Kelompok sasaran"),
    budgetAmount: z
      .number({ message: "Isi anggaran dalam rupiah (angka)." })
      .int({ message: "Anggaran dalam rupiah bulat." })
      .min(0, { message: "Anggaran tidak boleh negatif." })
      .max(1e15)
      .nullable()
      .default(null),
    budgetSource: z.enum(BUDGET_SOURCES, { message: "Pilih sumber anggaran." }).nullable().default(null),
    legalBasisNumber: text(...PROFILE_LIMITS.legalBasisNumber, "Nomor dasar hukum")
      .nullable()
      .default(null),
    legalBasisDate: date.nullable().default(null),
    videoUrl: httpsUrl("Tautan video").nullable().default(null),
    indicators: z
      .array(IndicatorInput)
      .max(MAX_INDICATORS, { message: `Paling banyak ${MAX_INDICATORS} indikator.` })
      .default([]),
  })
  .strict()
  .openapi("InnovationProfileInput");

const Indicator = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  before: z.number(),
  after: z.number(),
});

export const ProfileSchema = z
  .object({
    stage: z.enum(INNOVATION_STAGES),
    trialDate: z.string().nullable(),
    implementationDate: z.string().nullable(),
    type: z.enum(INNOVATION_TYPES),
    form: z.enum(INNOVATION_FORMS),
    urusan: z.enum(URUSAN),
    sdgs: z.array(z.number().int()),
    objectives: z.string(),
    targetGroups: z.string(),
    budgetAmount: z.number().int().nullable(),
    budgetSource: z.enum(BUDGET_SOURCES).nullable(),
    legalBasisNumber: z.string().nullable(),
    legalBasisDate: z.string().nullable(),
    videoUrl: z.string().nullable(),
    indicators: z.array(Indicator),
    updatedAt: z.string(),
  })
  .openapi("InnovationProfile");

export const EvidenceSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(EVIDENCE_KINDS),
    indicatorKey: z.string().nullable(),
    title: z.string(),
    url: z.string().nullable().openapi({ description: "The link, for a link" }),
    file: z
      .object({ fileName: z.string(), contentType: z.string(), size: z.number().int() })
      .nullable()
      .openapi({ description: "The file, for a file (download it at `/ideas/{id}/evidence/{evidenceId}`)" }),
    createdAt: z.string(),
  })
  .openapi("InnovationEvidence");

export const ProfileViewSchema = z
  .object({
    ideaId: z.number().int(),
    available: z.boolean().openapi({ description: "The idea is approved or implemented: it has a profile to fill" }),
    canEdit: z.boolean().openapi({ description: "The caller may change the profile and its evidence now" }),
    lockedAt: z.string().nullable().openapi({ description: "When a competition round's entry locked it" }),
    profile: ProfileSchema.nullable(),
    evidence: z.array(EvidenceSchema),
  })
  .openapi("InnovationProfileView");

const evidenceFields = {
  kind: z.enum(EVIDENCE_KINDS, { message: "Pilih jenis bukti." }),
  indicatorKey: z
    .string()
    .regex(/^[a-z0-9-]{1,24}$/)
    .nullable()
    .default(null)
    .openapi({ description: "The indicator it supports; null for the innovation as a whole" }),
  title: text(...PROFILE_LIMITS.evidenceTitle, "Judul bukti"),
};

export const EvidenceLinkInput = z
  .object({ ...evidenceFields, url: httpsUrl("Tautan bukti") })
  .strict()
  .openapi("InnovationEvidenceLink");

export const EvidenceFileForm = z
  .object({
    ...evidenceFields,
    indicatorKey: z
      .string()
      .regex(/^[a-z0-9-]{0,24}$/)
      .optional()
      .transform((v) => (v ? v : null))
      .openapi({ description: "The indicator it supports; empty for the innovation as a whole" }),
    file: z
      .custom<File>((v) => v instanceof File, { message: "Lampirkan berkas sebagai isian `file`." })
      .openapi({
        type: "string",
        format: "binary",
        description: `At most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; the attachment types, recognised by content`,
      }),
  })
  .strict()
  .openapi("InnovationEvidenceFile");

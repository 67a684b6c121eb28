import type { ComponentChildren } from "preact";
import type { Resource } from "../lib/use-resource";
import { Loading } from "./loading";
import { ProblemMessage } from "./problem-message";

type Props<T> = {
  resource: Resource<T>;
  /** what is loading, already translated */
  loading: string;
  onRetry: () => void;
  children: (value: T) => ComponentChildren;
};

/**
 * A loaded resource's three faces: a loading line, the problem with "try again", or the content.
 * @example <ResourceView resource={settings} loading={t("agencySettings.loading")} onRetry={reload}>{(s) => …}</ResourceView>
 */
export function ResourceView<T>({ resource, loading, onRetry, children }: Props<T>) {
  if (resource.kind === "loading") return <Loading label={loading} />;
  if (resource.kind === "problem") return <ProblemMessage problem={resource.problem} onRetry={onRetry} />;
  return <>{children(resource.value)}</>;
}

import type { LibraryDetail } from "../../api/library";
import { t } from "../../i18n";
import { libraryItemPath } from "../../lib/idea-paths";

type Node = LibraryDetail["lineage"]["nodes"][number];

/** One member of the family and, nested below it, the ideas that replicate it. */
function Member({ node, nodes, current }: { node: Node; nodes: Node[]; current: number }) {
  const children = nodes.filter((n) => n.parentId === node.id);
  const title = node.title ?? t("libraryx.lineageHidden");
  return (
    <li>
      <div class={node.id === current ? "lineage-node is-current" : "lineage-node"}>
        <span class="lineage-generation">{t("libraryx.generation", { n: node.depth + 1 })}</span>
        {node.inLibrary && node.id !== current ? (
          <a href={libraryItemPath(node.id)}>{title}</a>
        ) : (
          <strong>{title}</strong>
        )}
        <span class="muted">
          {node.agencyName} · {t(`ideaStatus.${node.status}`)}
        </span>
      </div>
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <Member key={child.id} node={child} nodes={nodes} current={current} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The family of replications this innovation belongs to, from its root, any number of hops. */
export function LineageTree({ item }: { item: LibraryDetail }) {
  const nodes = item.lineage.nodes;
  const root = nodes.find((n) => n.depth === 0);
  if (!root || nodes.length < 2) return <p class="muted">{t("libraryx.lineageAlone")}</p>;
  const generations = Math.max(...nodes.map((n) => n.depth)) + 1;
  return (
    <>
      <p>{t("libraryx.lineageLead", { count: nodes.length, generations })}</p>
      <ul class="lineage-tree">
        <Member node={root} nodes={nodes} current={item.id} />
      </ul>
    </>
  );
}

import { eq } from "drizzle-orm";
import { exportAgency } from "../../db/backup";
import { agencies } from "../../db/schema";
import { createRouter } from "../../lib/create-router";
import { notFound } from "../../lib/problem";
import { guard } from "../../middlewares/guard";
import * as routes from "./backup.routes";

export const backupRouter = createRouter();
backupRouter.use("/agencies/:id/backup", guard("agency.manage"));

export const backupRoutes = backupRouter.openapi(routes.backup, async (c) => {
  const { id } = c.req.valid("param");
  const db = c.var.db;
  const [agency] = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id));
  if (!agency) throw notFound("agency");
  const document = await exportAgency(db.$client, agency);
  c.header(
    "content-disposition",
    `attachment; filename="gagas-${agency.slug}-${document.exportedAt.slice(0, 10)}.json"`,
  );
  return c.json(document, 200);
});

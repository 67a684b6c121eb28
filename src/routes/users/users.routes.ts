import { createRoute } from "@hono/zod-openapi";
import { IMPORT_COLUMNS, IMPORT_COLUMNS_ID, IMPORT_MAX_ROWS, ROLE_ALIASES } from "../../domain/user-import";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  CreateUserBody,
  CreatedUserSchema,
  ImportForm,
  ImportResultSchema,
  PasswordResetSchema,
  UpdateUserBody,
  UserListQuery,
  UserPageSchema,
  UserSchema,
} from "./users.schemas";

const tags = ["users"];

export const listUsers = createRoute({
  method: "get",
  path: "/users",
  tags,
  summary: "Colleagues of my agency: admin list and directory",
  description:
    "Everyone signed in may look colleagues up (e.g. to name co-authors); only admins see NIP and e-mail, search by them and see deactivated accounts. Ordered by name; cursor-paginated.",
  middleware: [guard("directory.read")],
  request: { query: UserListQuery },
  responses: { 200: json(UserPageSchema, "A page of accounts"), ...problems(400, 401, 403, 422) },
});

export const getUser = createRoute({
  method: "get",
  path: "/users/{id}",
  tags,
  summary: "One colleague (NIP and e-mail for admins and the person themself only)",
  middleware: [guard("directory.read")],
  request: { params: IdParams },
  responses: { 200: json(UserSchema, "The account"), ...problems(401, 403, 404, 422) },
});

export const createUser = createRoute({
  method: "post",
  path: "/users",
  tags,
  summary: "Create an account with a temporary password",
  description:
    "The temporary password is returned once; the person must change it at the first sign-in. 409 `user.nip_taken` / `user.email_taken` for an identity that exists (in any agency).",
  middleware: [guard("user.manage")],
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: json(CreatedUserSchema, "Created"), ...problems(401, 403, 409, 422) },
});

export const updateUser = createRoute({
  method: "patch",
  path: "/users/{id}",
  tags,
  summary: "Edit, move, set roles, deactivate or reactivate an account",
  description:
    "Deactivating ends every session of the account. An admin cannot remove their own admin role or deactivate themself (422 `user.cannot_demote_self` / `user.cannot_deactivate_self`); an account holding `superadmin` is edited by a superadmin only.",
  middleware: [guard("user.manage")],
  request: { params: IdParams, body: jsonBody(UpdateUserBody) },
  responses: { 200: json(UserSchema, "The account as it is now"), ...problems(401, 403, 404, 409, 422) },
});

export const resetPassword = createRoute({
  method: "post",
  path: "/users/{id}/reset-password",
  tags,
  summary: "Issue a temporary password (ends every session; must be changed at sign-in)",
  description: "Also how an imported account gets its first password. Use `POST /api/v1/auth/password` for your own.",
  middleware: [guard("user.manage")],
  request: { params: IdParams },
  responses: { 200: json(PasswordResetSchema, "The temporary password, shown once"), ...problems(401, 403, 404, 409) },
});

export const importUsers = createRoute({
  method: "post",
  path: "/users/import",
  tags,
  summary: "Import accounts from a CSV file (upsert by NIP)",
  description: [
    `Multipart form with the field \`file\`: a UTF-8 CSV (BOM allowed, CRLF or LF, RFC 4180 quoting) with the header \`${IMPORT_COLUMNS.join(",")}\` or in Bahasa Indonesia \`${IMPORT_COLUMNS_ID.join(",")}\` (any order, any case; \`;\` as the delimiter when the header has no comma). \`roles\` are separated by \`|\` or \`;\`; empty means \`asn\`; the Indonesian names ${Object.entries(
      ROLE_ALIASES,
    )
      .map(([id, en]) => `\`${id}\` (${en})`)
      .join(
        ", ",
      )} are accepted too. A report names each column as the file's header does. At most ${IMPORT_MAX_ROWS} rows.`,
    "Every row is checked before anything is stored. If any row is bad the answer is 422 with one `errors[]` entry per problem, `path` = `row <n>.<column>` (the header is row 1), and nothing is stored.",
    "Otherwise rows are upserted by NIP: a new NIP creates an account, a known NIP of this agency updates name, e-mail, unit, position and roles; `active` and passwords are never changed. A new account cannot sign in until it is activated: e-mail the activation links (`POST /api/v1/activation/send`), print the unit's activation sheet (`POST /api/v1/activation/sheet`), or issue a temporary password (`POST /api/v1/users/{id}/reset-password`).",
    "Large files are written in several transactions of a few hundred rows, each with its own audit row. As the whole file was validated first, only a database failure can leave a file half-imported; importing the same file again then completes it (re-importing is idempotent).",
  ].join("\n\n"),
  middleware: [guard("user.manage")],
  request: {
    body: { required: true, description: "The CSV file", content: { "multipart/form-data": { schema: ImportForm } } },
  },
  responses: {
    200: json(ImportResultSchema, "How many accounts were created, updated and left unchanged"),
    ...problems(401, 403, 413, 415, 422),
  },
});

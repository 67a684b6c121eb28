import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The SPA: sources in `frontend/`, served by the Worker as static assets from `dist/client`. */
export default defineConfig({
  root: fromRoot("./frontend"),
  plugins: [preact()],
  build: {
    outDir: fromRoot("./dist/client"),
    emptyOutDir: true,
    target: "es2022",
  },
  server: {
    proxy: {
      "/api": "http://localhost:8787",
    },
  },
});

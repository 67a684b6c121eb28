/**
 * The SPA's one way to load what a page shows (frontend/src/lib/use-resource.ts): the newest
 * request wins, whatever order the answers arrive in, and the request it replaced is aborted.
 */
import { describe, expect, it } from "vitest";
import { ApiProblem } from "../frontend/src/api/problem";
import { LatestLoad, type Resource } from "../frontend/src/lib/latest-load";

/** A load the test answers (or fails) when it chooses, recording the signal it was given. */
function controlled<T>() {
  let answer!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const asked: { signal?: AbortSignal } = {};
  const load = (signal: AbortSignal) => {
    asked.signal = signal;
    return new Promise<T>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
  };
  return { load, asked, answer: (value: T) => answer(value), fail: (error: unknown) => fail(error) };
}

function recorder<T>() {
  const states: Resource<T>[] = [];
  return { states, last: () => states.at(-1), report: (state: Resource<T>) => void states.push(state) };
}

describe("LatestLoad", () => {
  it("keeps the newer answer when the older one arrives after it", async () => {
    const shown = recorder<string>();
    const loads = new LatestLoad(shown.report);
    const older = controlled<string>();
    const newer = controlled<string>();
    const first = loads.run(older.load);
    const second = loads.run(newer.load);
    newer.answer("ide terbaru");
    await second;
    older.answer("ide lama");
    await first;
    expect(shown.last()).toEqual({ kind: "ready", value: "ide terbaru" });
    expect(shown.states.filter((s) => s.kind === "ready")).toEqual([{ kind: "ready", value: "ide terbaru" }]);
  });

  it("aborts the older request when a newer one starts, and leaves the newer one running", async () => {
    const loads = new LatestLoad<string>(() => undefined);
    const older = controlled<string>();
    const newer = controlled<string>();
    void loads.run(older.load);
    void loads.run(newer.load);
    expect(older.asked.signal?.aborted).toBe(true);
    expect(newer.asked.signal?.aborted).toBe(false);
  });

  it("drops the older request's failure too (its abort, or a problem)", async () => {
    const shown = recorder<string>();
    const loads = new LatestLoad(shown.report);
    const older = controlled<string>();
    const newer = controlled<string>();
    const first = loads.run(older.load);
    const second = loads.run(newer.load);
    newer.answer("baru");
    await second;
    older.fail(new DOMException("aborted", "AbortError"));
    await first;
    expect(shown.last()).toEqual({ kind: "ready", value: "baru" });
  });

  it("shows loading, then the answer; a quiet reload keeps the value on screen until the new one", async () => {
    const shown = recorder<number>();
    const loads = new LatestLoad(shown.report);
    await loads.run(async () => 1);
    const reload = controlled<number>();
    const pending = loads.run(reload.load, true);
    expect(shown.last()).toEqual({ kind: "ready", value: 1 });
    reload.answer(2);
    await pending;
    expect(shown.states).toEqual([{ kind: "loading" }, { kind: "ready", value: 1 }, { kind: "ready", value: 2 }]);
  });

  it("reports the newest request's failure as a problem", async () => {
    const shown = recorder<string>();
    const loads = new LatestLoad(shown.report);
    await loads.run(() => Promise.reject(ApiProblem.fromStatus(503, "Service Unavailable")));
    const last = shown.last();
    expect(last?.kind === "problem" && last.problem.status).toBe(503);
  });

  it("lets a written value replace a load in flight, and ignores that load's answer", async () => {
    const shown = recorder<string>();
    const loads = new LatestLoad(shown.report);
    const slow = controlled<string>();
    const running = loads.run(slow.load);
    loads.set("disimpan");
    expect(slow.asked.signal?.aborted).toBe(true);
    slow.answer("dari server, terlambat");
    await running;
    expect(shown.last()).toEqual({ kind: "ready", value: "disimpan" });
  });

  it("ignores every answer after cancel (the page went away)", async () => {
    const shown = recorder<string>();
    const loads = new LatestLoad(shown.report);
    const slow = controlled<string>();
    const running = loads.run(slow.load);
    loads.cancel();
    slow.answer("terlambat");
    await running;
    expect(shown.states).toEqual([{ kind: "loading" }]);
  });
});

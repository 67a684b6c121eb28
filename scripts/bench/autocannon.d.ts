/** The part of autocannon's API the bench uses (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: { path: string; body?: string }, context: Record<string, unknown>) => unknown;
    };
    type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
    type Histogram = { average: number; total: number; p50: number; p99: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      non2xx: number;
      errors: number;
      timeouts: number;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}

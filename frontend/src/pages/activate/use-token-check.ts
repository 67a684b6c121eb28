import { useEffect, useState } from "preact/hooks";
import { checkAccountToken } from "../../api/account";
import { toApiProblem, type ApiProblem } from "../../api/problem";

export type TokenInfo = Awaited<ReturnType<typeof checkAccountToken>>;

export type TokenCheck =
  | { kind: "none" }
  | { kind: "checking" }
  | { kind: "ready"; info: TokenInfo }
  | { kind: "invalid" }
  | { kind: "problem"; problem: ApiProblem };

/**
 * Asks the server what a link's token or a typed code is for, before the person chooses a password;
 * an answer for a token that is no longer current is dropped.
 */
export function useTokenCheck(token: string | null, attempt = 0): TokenCheck {
  const [state, setState] = useState<TokenCheck>(token ? { kind: "checking" } : { kind: "none" });
  useEffect(() => {
    if (!token) return setState({ kind: "none" });
    let current = true;
    setState({ kind: "checking" });
    checkAccountToken(token).then(
      (info) => current && setState({ kind: "ready", info }),
      (error: unknown) => {
        if (!current) return;
        const problem = toApiProblem(error);
        setState(problem.status === 404 ? { kind: "invalid" } : { kind: "problem", problem });
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);
  return state;
}

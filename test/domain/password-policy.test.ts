import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, checkPassword } from "../../src/domain/password-policy";

describe("checkPassword", () => {
  it("accepts 8 to 128 characters of anything", () => {
    expect(checkPassword("Layanan-Prima-7")).toBeNull();
    expect(checkPassword("a".repeat(PASSWORD_MIN - 1) + "é")).toBeNull();
    expect(checkPassword("kata sandi panjang sekali ".repeat(4).slice(0, PASSWORD_MAX))).toBeNull();
  });

  it("counts characters, not bytes", () => {
    expect(checkPassword("🔒🔒🔒🔒🔒🔒🔒")).toBe("too_short");
    expect(checkPassword("🔒".repeat(PASSWORD_MAX))).toBeNull();
  });

  it("refuses fewer than 8 and more than 128 characters", () => {
    expect(checkPassword("Abc-123")).toBe("too_short");
    expect(checkPassword("x".repeat(PASSWORD_MAX + 1))).toBe("too_long");
  });

  it.each(["password", "Bismillah123", "INDONESIA123", "merdeka45", "qwerty123"])(
    "refuses the common password %s",
    (pw) => {
      expect(checkPassword(pw)).toBe("too_common");
    },
  );

  it("refuses the person's own NIP or the name part of their e-mail", () => {
    const context = { nip: "198203152006041002", email: "rahmat.siregar@binjaikota.go.id" };
    expect(checkPassword("198203152006041002", context)).toBe("too_common");
    expect(checkPassword("Rahmat.Siregar", context)).toBe("too_common");
    expect(checkPassword("Rahmat.Siregar.2026", context)).toBeNull();
  });
});

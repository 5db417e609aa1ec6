import { detectHost } from "./host";

describe("detectHost", () => {
  test("no office.js (the script failed offline): preview", async () => {
    expect(await detectHost({})).toBeNull();
  });

  test("Office.onReady with a host: that host", async () => {
    const Office = { onReady: (cb?: (i: { host: unknown; platform: unknown }) => void) => cb?.({ host: "Excel", platform: "PC" }) };
    expect(await detectHost({ Office })).toBe("Excel");
  });

  test("Office.onReady without a host (a plain browser): preview", async () => {
    const Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await detectHost({ Office })).toBeNull();
  });

  test("Office.onReady that never answers or throws: preview after the timeout", async () => {
    expect(await detectHost({ Office: { onReady: () => undefined } }, 20)).toBeNull();
    expect(
      await detectHost({
        Office: {
          onReady: () => {
            throw new Error("x");
          },
        },
      }),
    ).toBeNull();
  });
});

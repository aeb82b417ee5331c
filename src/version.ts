// Kept equal to package.json's version (test/unit/package.test.ts checks it).
export const VERSION = "0.1.0";

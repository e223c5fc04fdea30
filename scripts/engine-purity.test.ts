/** The lint step enforces the engine's purity: prove the rule fires on what it must refuse. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('shared/ is the pure engine', () => {
  it.each([
    "import React from 'react';",
    "import { Mesh } from 'three';",
    "import { useFrame } from '@react-three/fiber';",
    "import { app } from 'electron';",
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'path';",
    "import { create } from 'zustand';",
    "import { host } from '../renderer/platform/host';",
  ])('refuses %s', async (line) => {
    expect(await ruleIds(`${line}\nexport const x = 1;\n`, 'shared/model/example.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('refuses DOM and Node globals', async () => {
    expect(await ruleIds('export const w = window.innerWidth;\n', 'shared/model/example.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const e = process.env;\n', 'shared/model/example.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('allows zod and its own modules', async () => {
    expect(
      await ruleIds("import { z } from 'zod';\nexport const s = z.string();\n", 'shared/model/example.ts'),
    ).toEqual([]);
  });

  it('does not apply to the renderer', async () => {
    expect(
      await ruleIds("import { Mesh } from 'three';\nexport const m = Mesh;\n", 'renderer/scene/example.ts'),
    ).toEqual([]);
  });
});

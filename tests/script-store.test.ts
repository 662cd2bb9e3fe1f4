import { fakeBrowser } from 'wxt/testing';
import bundled from '@/data/script.json';
import { type Script, scriptHash, stepOf } from '@/lib/script';
import {
  loadScript,
  onScriptChanged,
  resetScript,
  SCRIPT_STORE_VERSION,
  ScriptStoreError,
  saveLocalScript,
  signOffScript,
} from '@/lib/script-store';

const TODAY = '2025-03-10';

function edited(wording: string): Script {
  const s = structuredClone(bundled) as Script;
  stepOf(s, 'explain').question = wording;
  return s;
}

async function stored(): Promise<Record<string, unknown> | undefined> {
  return (await fakeBrowser.storage.local.get('script')).script as Record<string, unknown> | undefined;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadScript', () => {
  it('uses the bundled script, unsigned, when nothing is stored', async () => {
    const loaded = await loadScript();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.signOff).toBeNull();
    expect(loaded.problems).toEqual([]);
    expect(loaded.scriptVersion).toBe(`1.0+${scriptHash(loaded.script)}`);
  });

  it('uses a valid local edit', async () => {
    await saveLocalScript(edited('Shall we look for some support?'));
    const loaded = await loadScript();
    expect(loaded.origin).toBe('local');
    expect(stepOf(loaded.script, 'explain').question).toBe('Shall we look for some support?');
  });

  it('falls back to the last valid script, with a specific reason, when the local one is broken', async () => {
    await saveLocalScript(edited('First edit'));
    const broken = edited('Second edit') as unknown as { steps: Record<string, unknown>[] };
    delete (broken.steps[1].redFlags as Record<string, unknown>[])[1].source;
    const wrapper = await stored();
    await fakeBrowser.storage.local.set({ script: { ...wrapper, local: broken } });

    const loaded = await loadScript();
    expect(loaded.origin).toBe('last-valid');
    expect(stepOf(loaded.script, 'explain').question).toBe('First edit');
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toContain('last valid version');
    expect(loaded.problems[0]).toContain('steps[1].redFlags[1].source is missing');
  });

  it('falls back to the bundled script when a partial script is stored and nothing valid came before', async () => {
    await fakeBrowser.storage.local.set({
      script: { version: SCRIPT_STORE_VERSION, local: { version: '2', title: 'Half', steps: [] } },
    });
    const loaded = await loadScript();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.script.steps).toHaveLength(6);
    expect(loaded.problems[0]).toContain('standard script');
    expect(loaded.problems[0]).toContain('steps[0] is missing');
  });

  it.each([['a string'], [{ version: 99, local: {} }], [[1, 2]]])(
    'survives an unreadable stored value %j',
    async (raw) => {
      await fakeBrowser.storage.local.set({ script: raw });
      const loaded = await loadScript();
      expect(loaded.origin).toBe('bundled');
      expect(loaded.problems[0]).toMatch(/could not be read/);
    },
  );
});

describe('saveLocalScript', () => {
  it('writes nothing and returns the errors when the script is invalid', async () => {
    await saveLocalScript(edited('Kept'));
    const before = await stored();
    const result = await saveLocalScript({ ...edited('Lost'), title: '' });
    expect(result).toEqual({ ok: false, errors: ['title must not be empty'] });
    expect(await stored()).toEqual(before);
  });
});

describe('sign-off', () => {
  it('is stored with name and date and shown while the content is unchanged', async () => {
    const { hash } = await loadScript();
    const loaded = await signOffScript({ name: ' Dr A Lead ', date: '2025-03-09', reviewedHash: hash }, TODAY);
    expect(loaded.signOff).toEqual({ name: 'Dr A Lead', date: '2025-03-09', scriptHash: hash });
    expect((await loadScript()).signOff?.name).toBe('Dr A Lead');
  });

  it('is cleared when the script is changed', async () => {
    const { hash } = await loadScript();
    await signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY);
    const result = await saveLocalScript(edited('Changed wording'));
    expect(result.ok && result.loaded.signOff).toBeNull();
    expect((await stored())?.signOff).toBeUndefined();
  });

  it('does not come back when an edit is reverted to the signed wording', async () => {
    const { hash } = await loadScript();
    await signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY);
    await saveLocalScript(edited('Changed wording'));
    await saveLocalScript(structuredClone(bundled));
    expect((await loadScript()).signOff).toBeNull();
  });

  it('survives saving identical content', async () => {
    const { hash } = await loadScript();
    await signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY);
    await saveLocalScript(structuredClone(bundled));
    expect((await loadScript()).signOff?.name).toBe('Dr A Lead');
  });

  it('is not shown for a stored sign-off of different content', async () => {
    await fakeBrowser.storage.local.set({
      script: { version: 1, signOff: { name: 'X', date: TODAY, scriptHash: 'deadbeef' } },
    });
    expect((await loadScript()).signOff).toBeNull();
  });

  it.each([
    [{ name: ' ', date: TODAY }, 'Enter the name of the person signing off the script.'],
    [{ name: 'Dr A Lead', date: '2025-02-30' }, 'Enter the sign-off date as a real date.'],
    [{ name: 'Dr A Lead', date: '2025-03-11' }, 'The sign-off date cannot be in the future.'],
  ])('refuses %j', async (input, message) => {
    const { hash } = await loadScript();
    await expect(signOffScript({ ...input, reviewedHash: hash }, TODAY)).rejects.toThrow(message);
    expect((await loadScript()).signOff).toBeNull();
  });

  it('refuses to sign off content the lead has not seen', async () => {
    const { hash } = await loadScript();
    await saveLocalScript(edited('Changed in another tab'));
    await expect(signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY)).rejects.toThrow(
      ScriptStoreError,
    );
  });

  it('refuses while the stored script is broken (the fallback in force is not what was edited)', async () => {
    await fakeBrowser.storage.local.set({ script: { version: 1, local: { version: '2' } } });
    const { hash } = await loadScript();
    await expect(signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY)).rejects.toThrow(
      /has problems/,
    );
  });
});

describe('resetScript', () => {
  it('drops local edits and their sign-off', async () => {
    await saveLocalScript(edited('Local'));
    const { hash } = await loadScript();
    await signOffScript({ name: 'Dr A Lead', date: TODAY, reviewedHash: hash }, TODAY);
    const loaded = await resetScript();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.signOff).toBeNull();
    expect(await stored()).toEqual({ version: 1 });
  });
});

describe('onScriptChanged', () => {
  it('tells the panel when the dashboard saves', async () => {
    const calls: number[] = [];
    const stop = onScriptChanged(() => calls.push(1));
    await saveLocalScript(edited('Local'));
    stop();
    await saveLocalScript(edited('Local again'));
    expect(calls).toHaveLength(1);
  });
});

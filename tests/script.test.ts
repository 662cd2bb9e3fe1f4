import bundled from '@/data/script.json';
import { parseScriptText, type Script, scriptHash, scriptVersionLabel, stepOf, validateScript } from '@/lib/script';

function copy(): Script {
  return structuredClone(bundled) as Script;
}

type Mutable = Record<string, unknown> & { steps: Record<string, unknown>[] };
function edit(change: (s: Mutable) => void): unknown {
  const s = copy() as unknown as Mutable;
  change(s);
  return s;
}

function flags(s: Mutable): Record<string, unknown>[] {
  return s.steps[1].redFlags as Record<string, unknown>[];
}

describe('the bundled script', () => {
  const result = validateScript(bundled);

  it('is valid', () => {
    expect(result).toMatchObject({ ok: true });
  });

  it('covers the four kinds of red flag from the issue', () => {
    if (!result.ok) throw new Error('invalid');
    const ids = stepOf(result.script, 'redFlags').redFlags.map((f) => f.id);
    expect(ids).toEqual(['physical', 'crisis', 'danger', 'safeguarding']);
  });

  it.each([
    ['999', 'https://www.nhs.uk/'],
    ['111', 'https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/'],
    ['116 123', 'https://www.samaritans.org/'],
    ['85258', 'https://giveusashout.org/'],
    ['0808 2000 247', 'https://www.nationaldahelpline.org.uk/'],
  ])('gives %s with a source from %s', (number, urlStart) => {
    if (!result.ok) throw new Error('invalid');
    const actions = stepOf(result.script, 'redFlags').redFlags.flatMap((f) => f.actions);
    const withNumber = actions.filter((a) => a.phone === number || a.sms === number);
    expect(withNumber.some((a) => a.source.url.startsWith(urlStart))).toBe(true);
    for (const a of withNumber) expect(a.source.organisation.length).toBeGreaterThan(0);
  });

  it('mentions the mental health option of 111, the duty clinician and the safeguarding lead', () => {
    const all = JSON.stringify(bundled);
    expect(all).toContain('option 2');
    expect(all).toContain('duty clinician');
    expect(all).toContain('safeguarding lead');
  });
});

describe('validateScript error messages', () => {
  it.each<[string, (s: Mutable) => void, string]>([
    ['a missing red-flag source', (s) => delete flags(s)[1].source, 'steps[1].redFlags[1].source is missing'],
    [
      'a missing action source',
      (s) => delete (flags(s)[0].actions as Record<string, unknown>[])[0].source,
      'steps[1].redFlags[0].actions[0].source is missing',
    ],
    [
      'a source without https',
      (s) => {
        (flags(s)[2].source as Record<string, unknown>).url = 'http://www.nationaldahelpline.org.uk/';
      },
      'steps[1].redFlags[2].source.url must start with https://',
    ],
    [
      'a source that is not a web address',
      (s) => {
        (flags(s)[2].source as Record<string, unknown>).url = 'the NHS website';
      },
      'steps[1].redFlags[2].source.url must be a full web address, like https://www.nhs.uk/...',
    ],
    [
      'an empty explanation',
      (s) => {
        s.steps[0].explanation = '   ';
      },
      'steps[0].explanation must not be empty',
    ],
    [
      'a phone number outside a sourced action',
      (s) => {
        s.steps[0].explanation = 'Or call Samaritans on 116 123.';
      },
      'steps[0].explanation contains what looks like a phone number; put phone numbers only in a red-flag action, with its source',
    ],
    [
      'a malformed phone number',
      (s) => {
        (flags(s)[1].actions as Record<string, unknown>[])[3].phone = 'one one six';
      },
      'steps[1].redFlags[1].actions[3].phone must be a number made of digits and spaces, like "116 123"',
    ],
    [
      'a red flag with no actions',
      (s) => {
        flags(s)[0].actions = [];
      },
      'steps[1].redFlags[0].actions must have at least one action',
    ],
    [
      'steps in the wrong order',
      (s) => {
        [s.steps[2], s.steps[3]] = [s.steps[3], s.steps[2]];
      },
      'steps[2].id must be "needs" (steps go in this order: explain, redFlags, needs, support, handover, record)',
    ],
    [
      'a partial script',
      (s) => {
        s.steps.splice(3);
      },
      'steps[3] is missing: it should be the "support" step',
    ],
    [
      'a misspelt field',
      (s) => {
        flags(s)[0].soruce = flags(s)[0].source;
      },
      'steps[1].redFlags[0].soruce is not a recognised field (check the spelling)',
    ],
    [
      'a repeated red-flag id',
      (s) => {
        flags(s)[1].id = 'physical';
      },
      'steps[1].redFlags must not repeat a red-flag id',
    ],
    [
      'a missing outcome wording',
      (s) => delete (s.steps[5].outcomes as Record<string, unknown>).no_suitable,
      'steps[5].outcomes.no_suitable is missing',
    ],
    ['a missing version', (s) => delete s.version, 'version is missing'],
    [
      'a number where text belongs',
      (s) => {
        s.title = 42;
      },
      'title must be text',
    ],
  ])('names %s precisely', (_name, change, message) => {
    const result = validateScript(edit(change));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(message);
  });

  it('reports every problem at once, not just the first', () => {
    const result = validateScript(
      edit((s) => {
        delete flags(s)[0].source;
        s.steps[0].question = '';
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(2);
  });

  it.each([null, [], 'script', 3, undefined])('rejects %j that is not a script object', (json) => {
    expect(validateScript(json)).toEqual({
      ok: false,
      errors: ['The script must be a JSON object with "version", "title" and "steps".'],
    });
  });

  it('explains a JSON syntax error in plain English', () => {
    const result = parseScriptText('{"version": "1.0",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The script is not valid JSON: /);
  });
});

describe('script hash and version label', () => {
  it('is stable whatever the key order', () => {
    const a = copy();
    const reordered = JSON.parse(JSON.stringify({ steps: a.steps, title: a.title, version: a.version })) as Script;
    expect(scriptHash(reordered)).toBe(scriptHash(a));
  });

  it('changes when any wording changes', () => {
    const a = copy();
    const b = copy();
    stepOf(b, 'redFlags').redFlags[0].examples[0] = 'chest pain';
    expect(scriptHash(b)).not.toBe(scriptHash(a));
  });

  it('labels events with version and short hash', () => {
    const a = copy();
    expect(scriptVersionLabel(a)).toMatch(/^1\.0\+[0-9a-f]{8}$/);
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectSeparator, readCsv, readJson, UnreadableFileError } from './read-tabular-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readCsv', () => {
  it.each([
    [',', 'nom,ville\nÉpicerie,Lyon\n'],
    [';', 'nom;ville\nÉpicerie;Lyon\n'],
    ['|', 'nom|ville\nÉpicerie|Lyon\n'],
    ['\t', 'nom\tville\nÉpicerie\tLyon\n'],
  ])('detects the separator %j', (separator, text) => {
    expect(detectSeparator(text)).toBe(separator);
    const file = readCsv(utf8(text));
    expect(file.separator).toBe(separator);
    expect(file.rows).toEqual([{ line: 2, values: { nom: 'Épicerie', ville: 'Lyon' } }]);
  });

  it('ignores separators inside quotes when detecting', () => {
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
  });

  it('reads Windows-1252 files and strips a UTF-8 BOM', () => {
    const latin = readCsv(iconv.encode('nom;ville\nCafé solidaire;Besançon\n', 'win1252'));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.rows[0]?.values).toEqual({ nom: 'Café solidaire', ville: 'Besançon' });
    const bom = readCsv(utf8('\uFEFFnom,ville\nA,B\n'));
    expect(bom.encoding).toBe('utf-8');
    expect(bom.columns).toEqual(['nom', 'ville']);
  });

  it('gives the starting line of a row that spans several lines', () => {
    const file = readCsv(utf8('nom,description\nA,"ligne 1\nligne 2"\nB,court\n'));
    expect(file.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('refuses a row with a wrong number of fields, naming its line', () => {
    const error = (() => {
      try {
        readCsv(utf8('nom,ville\nA,Lyon\nB\nC,Paris\n'));
      } catch (e) {
        return e as UnreadableFileError;
      }
    })();
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.problems[0]).toMatchObject({
      line: 3,
      message: 'the row has 1 fields where the header has 2',
    });
  });

  it('accepts mixed Windows and Unix line ends', () => {
    const file = readCsv(utf8('nom,ville\r\nA,Lyon\nB,Paris\r\n'));
    expect(file.rows.map((r) => [r.line, r.values.nom])).toEqual([
      [2, 'A'],
      [3, 'B'],
    ]);
  });

  it('refuses an unclosed quote and duplicated columns', () => {
    expect(() => readCsv(utf8('nom,ville\n"A,Lyon\n'))).toThrow(/never closed/);
    expect(() => readCsv(utf8('nom,nom\nA,B\n'))).toThrow(/appears twice/);
  });
});

describe('readJson', () => {
  it('reads an array or a {data: [...]} object, with each item line', () => {
    const file = readJson(
      utf8('{"data": [\n  {"nom": "A", "tags": ["x", "y"]},\n  {"nom": "B", "n": 2}\n]}'),
    );
    expect(file.rows).toEqual([
      { line: 2, values: { nom: 'A', tags: 'x|y' } },
      { line: 3, values: { nom: 'B', n: '2' } },
    ]);
    expect(readJson(utf8('[{"nom": "A"}]')).rows).toHaveLength(1);
  });

  it('names the line and column of a syntax error', () => {
    try {
      readJson(utf8('[\n{"nom": "A",}\n]'));
      expect.unreachable();
    } catch (error) {
      expect((error as UnreadableFileError).problems[0]).toMatchObject({ line: 2 });
    }
  });

  it('refuses items that are not objects', () => {
    expect(() => readJson(utf8('[{"nom": "A"}, 3]'))).toThrow(/item 2 is not an object/);
  });
});

import {
  ClassifiedLink, absoluteFolder, classifyLink, formatFilePath, pathKey, relativePath, resolveFilePath, segmentsBelow,
} from '../src/core/model/evidence-link';

const NFD = (s: string) => s.normalize('NFD');

/** A short form of the classification for tables: "web", "bad", or "file:style:root:seg/seg". */
function shape(c: ClassifiedLink | null): string | null {
  if (!c) return null;
  if (c.kind === 'web') return 'web';
  if (c.kind === 'bad') return 'bad';
  return `file:${c.path.style}:${c.path.root}:${c.path.segments.join('/')}`;
}

describe('classifyLink', () => {
  test.each([
    { title: 'a relative path with spaces and diacritics', input: 'Minh chung/1.1.1 Ban hanh/Kế hoạch 125.pdf', expected: 'file:relative::Minh chung/1.1.1 Ban hanh/Kế hoạch 125.pdf' },
    { title: 'a relative path with backslashes', input: 'Minh chung\\1.1.1\\a.pdf', expected: 'file:relative::Minh chung/1.1.1/a.pdf' },
    { title: 'a relative path that climbs with ..', input: '../Ho so/a.pdf', expected: 'file:relative::../Ho so/a.pdf' },
    { title: 'dots inside a relative path are resolved', input: 'a/./b/../c.pdf', expected: 'file:relative::a/c.pdf' },
    { title: 'NFD text is taken as NFC', input: NFD('Báo cáo.pdf'), expected: 'file:relative::Báo cáo.pdf' },
    { title: 'a Windows path', input: 'c:\\Minh chung\\a.pdf', expected: 'file:windows:C::Minh chung/a.pdf' },
    { title: 'a Windows path with forward slashes', input: 'D:/Ho so/a.pdf', expected: 'file:windows:D::Ho so/a.pdf' },
    { title: 'a UNC path', input: '\\\\may-chu\\chia se\\CCHC\\a.pdf', expected: 'file:unc:may-chu/chia se:CCHC/a.pdf' },
    { title: 'a POSIX path', input: '/srv/ho-so/a.pdf', expected: 'file:posix::srv/ho-so/a.pdf' },
    { title: 'a file URL of a Windows drive, percent-encoded', input: 'file:///C:/Minh%20chung/K%E1%BA%BF%20ho%E1%BA%A1ch.pdf', expected: 'file:windows:C::Minh chung/Kế hoạch.pdf' },
    { title: 'a file URL of a server share', input: 'file://may-chu/chia/a.pdf', expected: 'file:unc:may-chu/chia:a.pdf' },
    { title: 'a file URL of a POSIX path', input: 'file:///home/van-thu/a.pdf', expected: 'file:posix::home/van-thu/a.pdf' },
    { title: 'an https SharePoint address', input: 'https://xadongthinh.sharepoint.com/sites/CCHC/Shared%20Documents/a.pdf', expected: 'web' },
    { title: 'an http address in capitals', input: 'HTTP://example.vn/a', expected: 'web' },
    { title: 'a blank cell is no link', input: '   ', expected: null },
    { title: 'javascript: is refused', input: 'javascript:alert(1)', expected: 'bad' },
    { title: 'JavaScript: with spaces around is refused', input: '  JavaScript:alert(1)', expected: 'bad' },
    { title: 'data: is refused', input: 'data:text/html;base64,PHNjcmlwdD4=', expected: 'bad' },
    { title: 'vbscript: is refused', input: 'vbscript:msgbox(1)', expected: 'bad' },
    { title: 'mailto: is not a document', input: 'mailto:a@b.vn', expected: 'bad' },
    { title: 'ftp: is not supported', input: 'ftp://server/a.pdf', expected: 'bad' },
    { title: 'a tab hidden in the scheme is refused', input: 'java\tscript:alert(1)', expected: 'bad' },
    { title: 'a line break is refused', input: 'a.pdf\nb.pdf', expected: 'bad' },
    { title: 'http without a host', input: 'https:///a.pdf', expected: 'bad' },
    { title: 'http with credentials', input: 'https://user:pass@evil.example/a', expected: 'bad' },
    { title: 'http with spaces', input: 'https://example.vn/a b.pdf', expected: 'bad' },
    { title: 'a drive without a backslash', input: 'C:Minh chung\\a.pdf', expected: 'bad' },
    { title: 'characters Windows refuses', input: 'Minh chung/a?.pdf', expected: 'bad' },
    { title: '.. above a drive root', input: 'C:\\..\\a.pdf', expected: 'bad' },
    { title: 'a UNC path without a share', input: '\\\\may-chu', expected: 'bad' },
    { title: 'a bare drive root is not a file', input: 'C:\\', expected: 'bad' },
    { title: 'broken percent escapes in a file URL', input: 'file:///C:/a%ZZ.pdf', expected: 'bad' },
  ])('$title', ({ input, expected }) => {
    expect(shape(classifyLink(input))).toBe(expected);
  });

  test('a refused link says why, in both languages', () => {
    const c = classifyLink('javascript:alert(1)');
    expect(c && c.kind === 'bad' && c.reason.vi).toMatch(/không an toàn/);
    expect(c && c.kind === 'bad' && c.reason.en).toMatch(/unsafe/);
  });

  test('hyperlink targets are percent-decoded; typed text is taken literally', () => {
    expect(shape(classifyLink('../a/x%20y.pdf', true))).toBe('file:relative::../a/x y.pdf');
    expect(shape(classifyLink('a%20b.pdf'))).toBe('file:relative::a%20b.pdf');
  });
});

describe('resolving and comparing file paths', () => {
  const workbookDir = absoluteFolder('C:\\Ho so\\2024')!;
  const root = absoluteFolder('C:\\Ho so\\2024\\Minh chung')!;
  const file = (link: string) => {
    const c = classifyLink(link);
    if (!c || c.kind !== 'file') throw new Error(link);
    return c.path;
  };

  test.each([
    { title: 'a link inside the root', link: 'Minh chung/1.1.1/a.pdf', below: ['1.1.1', 'a.pdf'] },
    { title: 'case and NFD differences still match (Windows, macOS)', link: NFD('MINH CHUNG/1.1.1/Báo cáo.PDF'), below: ['1.1.1', 'Báo cáo.PDF'] },
    { title: 'an absolute link inside the root', link: 'c:\\ho so\\2024\\minh chung\\a.pdf', below: ['a.pdf'] },
    { title: '.. that climbs out of the root', link: 'Minh chung/../../Luong/bang-luong.xlsx', below: null },
    { title: 'a sibling folder', link: 'Khac/a.pdf', below: null },
    { title: 'another drive', link: 'D:\\Minh chung\\a.pdf', below: null },
    { title: 'a server share', link: '\\\\may-chu\\chia\\a.pdf', below: null },
  ])('$title', ({ link, below }) => {
    const target = resolveFilePath(workbookDir, file(link));
    expect(target && segmentsBelow(root, target)).toEqual(below);
  });

  test('.. above the drive is no path at all', () => {
    expect(resolveFilePath(absoluteFolder('C:\\a')!, file('../../../x.pdf'))).toBeNull();
  });

  test('pathKey ignores case and Unicode normalisation only', () => {
    expect(pathKey(file('C:\\Minh chung\\Báo cáo.pdf'))).toBe(pathKey(file(NFD('c:/MINH CHUNG/BÁO CÁO.pdf'))));
    expect(pathKey(file('C:\\Minh chung\\Bao cao.pdf'))).not.toBe(pathKey(file('C:\\Minh chung\\Báo cáo.pdf')));
  });

  test('relative paths between folders, and their written forms', () => {
    expect(relativePath(absoluteFolder('/srv/a/b')!, file('/srv/a/c/d.pdf'))).toBe('../c/d.pdf');
    expect(relativePath(absoluteFolder('C:\\a')!, file('D:\\a\\b.pdf'))).toBeNull();
    expect(formatFilePath(file('\\\\may-chu\\chia\\a.pdf'))).toBe('\\\\may-chu\\chia\\a.pdf');
    expect(formatFilePath(file('c:/x/y.pdf'))).toBe('C:\\x\\y.pdf');
    expect(formatFilePath(file('/srv/x.pdf'))).toBe('/srv/x.pdf');
  });
});

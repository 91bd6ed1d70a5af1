// Names of administrative units as people type them: "UBND xã Đồng Thịnh", "Ủy ban nhân dân xã Đồng
// Thịnh", "xã đồng thịnh", "Phường Hoàng Văn Thụ", "TT Chợ Chu" all name a type (xã, phường, thị trấn)
// and a place. One parser serves the heading, the title, the date line, the file's metadata and the
// district summary's matching of communes across spellings. The district's own names (UBND huyện …,
// Phòng Nội vụ huyện …) are parsed here too, for the documents the district signs.

import { foldText } from './grid';

export type CommuneType = 'xa' | 'phuong' | 'thi-tran';

export interface UnitName {
  type: CommuneType;
  /** "xã", "phường", "thị trấn". */
  typeName: string;
  /** The place, each word capitalised: "Đồng Thịnh", "Hoàng Văn Thụ", "Phường 12" → "12". */
  place: string;
  /** "Xã Đồng Thịnh". */
  full: string;
  /** "XÃ ĐỒNG THỊNH": the second line of the issuing body. */
  upper: string;
  /** "Ủy ban nhân dân xã Đồng Thịnh": the body in a sentence. */
  body: string;
  /** Whether the text named the type; a bare place name is taken as a xã. */
  typed: boolean;
  /** The same for every spelling of one unit: "xa dong thinh". */
  key: string;
}

const COMMUNE_TYPES: Array<{ type: CommuneType; name: string; words: string[] }> = [
  { type: 'thi-tran', name: 'thị trấn', words: ['thi tran', 'tt', 'tt.'] },
  { type: 'phuong', name: 'phường', words: ['phuong', 'p.'] },
  { type: 'xa', name: 'xã', words: ['xa'] },
];

/** "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "U.B.N.D": the People's Committee before a unit's name. */
const COMMITTEE = /^(?:uy ban nhan dan|u\.?\s?b\.?\s?n\.?\s?d\.?)(?:\s+|$)/;

/** Each word with a capital first letter and the rest small, as Vietnamese place names are written. */
export function capitaliseWords(text: string): string {
  return text.split(' ').map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w)).join(' ');
}

function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Removes `count` folded characters' worth of the original text (folding keeps one character per letter). */
function dropFolded(original: string, folded: string, prefix: string): { original: string; folded: string } {
  return { original: original.slice(prefix.length).trim(), folded: folded.slice(prefix.length).trim() };
}

/** The words people put before a place: the committee, then the type. */
function splitPrefix(text: string): { type: CommuneType | null; rest: string } {
  let original = clean(text).replace(/[,;.]+$/, '');
  let folded = foldText(original);
  // foldText keeps one character per character of NFC Vietnamese, so positions line up.
  const committee = COMMITTEE.exec(folded);
  if (committee) ({ original, folded } = dropFolded(original, folded, committee[0]));
  for (const t of COMMUNE_TYPES) {
    for (const word of t.words) {
      if (folded === word) return { type: t.type, rest: '' };
      if (folded.indexOf(word + ' ') === 0) return { type: t.type, rest: dropFolded(original, folded, word).original };
    }
  }
  return { type: null, rest: original };
}

/** The unit a text names; a text naming no type is a xã (the usual case). */
export function parseUnitName(text: string): UnitName {
  const { type, rest } = splitPrefix(text);
  const kind = COMMUNE_TYPES.filter((t) => t.type === (type || 'xa'))[0];
  const place = capitaliseWords(rest);
  const full = kind.name.charAt(0).toUpperCase() + kind.name.slice(1) + (place ? ' ' + place : '');
  return {
    type: kind.type,
    typeName: kind.name,
    place,
    full,
    upper: full.toUpperCase(),
    body: 'Ủy ban nhân dân ' + kind.name + (place ? ' ' + place : ''),
    typed: type !== null,
    key: foldText(kind.name + ' ' + place),
  };
}

/** True when the text names a unit at all (something is left once the committee and type are removed). */
export function namesAPlace(text: string): boolean {
  return splitPrefix(text).rest.length > 0;
}

// ---------------------------------------------------------------------------------------------
// The district: the body that appraises and ranks the communes.

export type DistrictType = 'huyen' | 'quan' | 'thi-xa' | 'thanh-pho';

const DISTRICT_TYPES: Array<{ type: DistrictType; name: string; words: string[] }> = [
  { type: 'thi-xa', name: 'thị xã', words: ['thi xa', 'tx', 'tx.'] },
  { type: 'thanh-pho', name: 'thành phố', words: ['thanh pho', 'tp', 'tp.'] },
  { type: 'huyen', name: 'huyện', words: ['huyen'] },
  { type: 'quan', name: 'quận', words: ['quan'] },
];

export interface DistrictName {
  /** "ỦY BAN NHÂN DÂN" and "HUYỆN PHÚ LƯƠNG", or "UBND HUYỆN PHÚ LƯƠNG" and "PHÒNG NỘI VỤ". */
  parentLine: string;
  bodyLine: string;
  /** "Phú Lương": the place of the date line. */
  place: string;
  /** "Ủy ban nhân dân huyện Phú Lương" / "Phòng Nội vụ huyện Phú Lương". */
  body: string;
  /** The signer's authority: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "TRƯỞNG PHÒNG". */
  signTitle: string[];
  /** The symbol after the number: "BC-UBND" or "BC-PNV". */
  symbol: string;
  /** "huyện Phú Lương" */
  district: string;
  /** False when nothing was given: the lines carry dots to fill in by hand. */
  known: boolean;
}

const INTERIOR = /^(?:phong noi vu|pnv)(?:\s+|$)/;

/**
 * "UBND huyện Phú Lương", "Ủy ban nhân dân huyện Phú Lương", "Phòng Nội vụ huyện Phú Lương",
 * "thành phố Thái Nguyên", "huyện phú lương": the district body's heading, place and signer.
 */
export function parseDistrictName(text: string | undefined | null): DistrictName {
  let original = clean(text || '').replace(/[,;.]+$/, '');
  let folded = foldText(original);
  let interior = false;
  const office = INTERIOR.exec(folded);
  if (office) {
    interior = true;
    ({ original, folded } = dropFolded(original, folded, office[0]));
  }
  const committee = COMMITTEE.exec(folded);
  if (committee) ({ original, folded } = dropFolded(original, folded, committee[0]));
  let kind = DISTRICT_TYPES.filter((t) => t.type === 'huyen')[0];
  for (const t of DISTRICT_TYPES) {
    const word = t.words.filter((w) => folded === w || folded.indexOf(w + ' ') === 0)[0];
    if (word) {
      kind = t;
      ({ original, folded } = dropFolded(original, folded, word));
      break;
    }
  }
  const place = capitaliseWords(original);
  const known = place.length > 0;
  const shownPlace = known ? place : '……………';
  const district = kind.name + ' ' + shownPlace;
  const upperDistrict = district.toUpperCase();
  if (interior) {
    return {
      parentLine: 'UBND ' + upperDistrict, bodyLine: 'PHÒNG NỘI VỤ', place: shownPlace, body: 'Phòng Nội vụ ' + district,
      signTitle: ['TRƯỞNG PHÒNG'], symbol: 'BC-PNV', district, known,
    };
  }
  return {
    parentLine: 'ỦY BAN NHÂN DÂN', bodyLine: upperDistrict, place: shownPlace, body: 'Ủy ban nhân dân ' + district,
    signTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], symbol: 'BC-UBND', district, known,
  };
}

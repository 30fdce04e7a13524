/**
 * Common given names whose bearers are overwhelmingly of one gender, as one cue among several
 * for resolving "he said" / "she said" (honorifics, gendered titles and the article's own
 * pronouns come first). Deliberately short and unambiguous: names used for both (Jordan,
 * Alex, Sam, Kim) are absent, so an unknown or shared name simply gives no cue.
 */

const list = (names: string): string[] => names.trim().split(/\s+/)

const MALE = list(`
  aaron abdul adam ahmed alan albert alexander ali andrew angus anthony antonio arthur ben
  benjamin bernard bill bob boris brian bruce carl carlos charles chris christopher colin craig
  daniel david dennis diego dmitry donald douglas edward emmanuel eric frank fred gary george
  gerald gordon graham greg harold harry henry hugh ian ivan jack jacob james jeff jeremy jim
  joe john jonathan jorge jose joseph juan justin keith kenneth kevin larry lawrence luis mark
  martin matthew michael mike mohammed muhammad narendra neil nicholas nigel olaf omar patrick
  paul peter philip rajesh ralph raymond recep richard robert roger ronald ryan scott sean
  sergei simon stephen steve steven stuart thomas timothy tom tony vladimir walter william
  xi yusuf
`)

const FEMALE = list(`
  alice amanda amy angela ann anna anne barbara betty carol caroline catherine charlotte
  christine claire deborah diana diane donna dorothy elena elizabeth ellen emily emma fatima
  fiona grace hannah helen hillary isabel jacinda jane janet jennifer jessica joan julia julie
  karen kate katherine kathleen laura linda lisa margaret maria marie mary megan melissa
  michelle nancy natalia nicola nina olga pamela patricia priya rachel rebecca ruth samantha
  sandra sarah sharon sophie susan teresa theresa ursula victoria wendy yulia
`)

const GENDER_BY_NAME = new Map<string, 'm' | 'f'>([
  ...MALE.map((name) => [name, 'm'] as const),
  ...FEMALE.map((name) => [name, 'f'] as const)
])

/** The gender a given name suggests, or null when it suggests none. */
export function genderOfGivenName(name: string): 'm' | 'f' | null {
  return GENDER_BY_NAME.get(name.toLowerCase()) ?? null
}

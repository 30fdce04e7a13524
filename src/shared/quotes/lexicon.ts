/**
 * The closed word lists quotation attribution relies on. Kept together so a rule change is one
 * edit here (and a bump of QUOTE_RULES_VERSION), and kept small: these are English news
 * conventions, not a general grammar.
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/))

/**
 * Verbs that report speech, every inflection spelled out (lowercase only: "States" in
 * "United States" must not read as a verb). Bare forms that are mostly nouns in news text
 * (note, claim, post, call, tweet) are left out.
 */
export const SPEECH_VERBS = words(`
 say says said saying tell tells told telling add adds added adding write writes wrote writing
 tweeted tweeting stated stating noted noting ask asks asked asking replies replied replying
 explain explains explained explaining argue argues argued arguing insist insists insisted
 insisting warn warns warned warning declare declares declared declaring announce announces
 announced announcing continued continues recall recalls recalled recalling admit admits
 admitted admitting concede concedes conceded conceding claimed claiming suggested suggesting
 posted observed remarked acknowledged acknowledges emphasised emphasized stressed stresses
 urged urges countered responded responds joked quipped shouted whispered cried testified
 testifies calls called calling describe describes described describing dubbed dubs termed
 labelled labeled branded lamented conceded confirmed confirms vowed vows pledged promised
 boasted complained predicted praised criticised criticized mused recounted accused accuses
 accusing promises exclaimed exclaims concluded concludes concluding confessed confesses
 blurted scolded retorted gushed implored echoed echoing reiterated reiterates
 reiterating asserted asserts contended contends maintained maintains alleged alleges
 demanded denied denies pleaded proclaimed protested snapped chanted chanting yelled
 screamed muttered bragged thanked thanking pledging blasted blasting slammed
 denounced denouncing touted touting hailed mocked mocking wondered
 wonders recalled quoted quoting cautioned cautions assured assures charged scoffed
 sniped teased griped grumbled agreed agrees disagreed objected replying answered 
 responding continuing interjected interrupted thundered lectured
 promising vowing urging warns boasting complaining complains lamenting predicting
 praising criticizing criticising referred referring labeling labelling branding dubbing
 deriding derided ridiculed ridiculing condemned condemning questioned questioning
 barked groused fumed huffed growled seethed hammered hammering
`)

/**
 * Words that report speech only right after a quotation, where nothing else fits
 * (`"…," Bozell notes.`, `"…," the post read.`); before one they are mostly nouns ("his
 * remarks", "notes") or other verbs ("One read "Fair fares now"" is a placard).
 */
export const AFTER_QUOTE_VERBS = words(`
  remarks notes posts tweets charges answers counters demands pledges laments read reads
`)

/**
 * Speech verbs strong enough to make a few quoted words inside a sentence someone's words
 * (`Esper said it could "facilitate…"`, `what an adviser called "fruitless"`). Weaker reporting
 * verbs (predicted, praised) usually frame a term the writer is holding at arm's length.
 */
export const STRONG_SPEECH_VERBS = words(`
  say says said saying tell tells told telling add adds added adding write writes wrote writing
  tweeted tweeting stated stating noted noting asked insisted insisting warned warning declared
  calls called calling describe describes described describing dubbed dubs termed labelled
  labeled branded argued argues arguing testified testifies vowed vows promised promises
  accused accuses accusing admitted admits conceded concedes
`)

/** Naming verbs: `called it a "…"`; the quoted words follow a short object, not a clause. */
export const NAMING_VERBS = words(`
  calls called calling describe describes described describing dubbed dubs termed labelled
  labeled branded
`)

/** Words that may stand between a speaker and the speech verb (`Kim also said`, `has said`). */
export const VERB_MODIFIERS = words(`
  also later then again once previously recently repeatedly often has had have would will
  could might may did does do not never just already still quickly simply further publicly
  privately separately earlier now even first
`)

export const DETERMINERS = words(`a an the one this that another his her its their our some`)

export const PREPOSITIONS = words(`to of for at in with from by on about inside within over`)

/** Words that end a subject phrase when walking back from a verb. */
export const CLAUSE_BOUNDARIES = words(`
  that which who whom whose what when where while and but or because if though although as
  since unless until after before so than
`)

export const PRONOUN_GENDER: Record<string, 'm' | 'f' | 'n' | 'p'> = {
  he: 'm',
  him: 'm',
  his: 'm',
  she: 'f',
  her: 'f',
  hers: 'f',
  it: 'n',
  its: 'n',
  they: 'p',
  them: 'p',
  their: 'p'
}

/** Subject pronouns that can head an attribution (`he said`, `said she`). */
export const SUBJECT_PRONOUNS = words(`he she it they`)

/** First-person and second-person subjects: the writer or the reader, never a named speaker. */
export const SELF_PRONOUNS = words(`i we you`)

/**
 * Titles that stand before a name and are not part of it. A run is stripped up to its last
 * title only when a name follows ("Defense Secretary Mark Esper" → "Mark Esper").
 */
export const TITLES = words(`
  president vice secretary minister prime premier chancellor chairman chairwoman chair senator
  sen. rep. del. delegate representative congressman congresswoman governor gov. mayor judge justice dr. dr
  mr. mr mrs. mrs ms. ms miss prof. professor general gen. lt. colonel col. admiral adm.
  captain capt. sergeant sgt. major maj. chief director ambassador king queen prince princess
  pope father sister rev. reverend sir dame lord lady deputy commissioner speaker leader coach
  officer detective inspector superintendent ceo executive treasurer attorney spokesman
  spokeswoman spokesperson envoy adviser advisor councillor councilor councilman
  councilwoman sheriff lieutenant corporal private pastor rabbi imam bishop cardinal
  archbishop dean principal singer guitarist drummer bassist musician actor actress author
  writer novelist poet artist painter architect critic economist analyst historian scientist
  researcher activist campaigner journalist reporter photographer chef pilot striker
  goalkeeper midfielder defender manager farmer lawyer barrister solicitor doctor nurse
  teacher student producer designer comedian philosopher
`)

/** Words that may precede a title inside a run without being a name (Defense Secretary). */
export const TITLE_MODIFIERS = words(`
  former acting deputy vice foreign defense defence state health finance interior home
  education trade commerce energy agriculture transport environment culture labor labour
  justice treasury security intelligence army navy air senior chief general executive
  supreme high national federal regional district county city first
`)

/** Honorifics that tell a person's gender. */
export const HONORIFIC_GENDER: Record<string, 'm' | 'f'> = {
  'mr.': 'm',
  mr: 'm',
  'mrs.': 'f',
  mrs: 'f',
  'ms.': 'f',
  ms: 'f',
  miss: 'f',
  sir: 'm',
  dame: 'f',
  lord: 'm',
  lady: 'f',
  king: 'm',
  queen: 'f',
  prince: 'm',
  princess: 'f',
  father: 'm',
  sister: 'f'
}

/** Nouns in a title or apposition that tell a person's gender ("spokeswoman", "his wife"). */
export const GENDERED_NOUNS: Record<string, 'm' | 'f'> = Object.fromEntries([
  ...`man men businessman chairman spokesman congressman councilman father son brother husband
    boy uncle grandfather nephew actor king prince monk sportsman`
    .split(/\s+/)
    .map((w) => [w, 'm'] as const),
  ...`woman women businesswoman chairwoman spokeswoman congresswoman councilwoman mother
    daughter sister wife girl aunt grandmother niece actress queen princess nun sportswoman
    widow`
    .split(/\s+/)
    .map((w) => [w, 'f'] as const)
])

/** Heads of organisation names: a capitalised run containing one names a body, not a person. */
export const ORGANISATION_HEADS = words(`
  commission ministry council association union agency department committee company
  corporation corp. inc. inc ltd ltd. plc party board bank authority office institute
  foundation group service court university college school police government administration
  parliament congress senate assembly federation organisation organization trust society
  network news times post press fund centre center club league coalition alliance bureau
  secretariat cabinet army navy forces guard museum hospital airlines airways media watch
  forum team fc growers farmers workers federation chamber cooperative co-op consortium
  institution industries holdings partners pentagon kremlin council
`)

/** Countries and regions news text names most; enough to keep them from being people. */
export const PLACE_WORDS = words(`
  korea china russia iran iraq syria turkey ukraine japan india pakistan israel palestine gaza
  egypt france germany britain england scotland wales ireland italy spain canada mexico brazil
  argentina australia taiwan vietnam afghanistan europe asia africa america states kingdom
  pyongyang seoul beijing moscow washington london paris berlin tokyo hanoi singapore tehran
  kyiv kiev brussels geneva york california texas florida
`)

/** Words that open a sentence capitalised without naming anyone. */
export const CAPITALISED_FUNCTION_WORDS = words(`
  the a an in on at but and or as if when while although though since after before between
  that this these those it its he she they we i you his her their our my your there here now
  then last next meanwhile however still yet so for from with without by to of despite unless
  until what who why how where which even also once only some many most all both each every
  no not one two three four five six seven eight nine ten first second third like unlike
  instead during under over above below against among through throughout toward towards into
  onto upon amid mr mrs ms dr our worse better asked mostly nearly almost perhaps maybe indeed
  neither nor either whether just few several other another such just well yes oh
  later earlier today yesterday tonight tomorrow recently previously afterwards elsewhere
  separately similarly likewise again already soon
  monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december
`)

/** Heads of a noun phrase that stand for a written statement: the speaker is its author. */
export const STATEMENT_HEADS = words(`
  statement statements report letter communique communiqué announcement release post tweet
  message memo notice email note filing declaration editorial commentary readout account
  opinion poll survey study analysis ad
`)

/** Heads of a noun phrase for someone speaking on an organisation's behalf. */
export const SPOKESPERSON_HEADS = words(`
  spokesman spokeswoman spokesperson spokespeople representative representatives
`)

/** Words describing an unnamed spokesperson that are not part of the organisation's name. */
export const UNNAMED_MODIFIERS = words(
  `unnamed anonymous unidentified senior official a an the one`
)

/** Abbreviations that end in a full stop without ending a sentence. */
export const ABBREVIATIONS = words(`
  mr mrs ms dr prof gen sen rep gov lt col sgt capt st jr sr no mt rev hon adm maj cmdr supt
  insp det vs etc inc corp co ltd fig approx dept univ del
`)

/**
 * Words after which "of" continues a name ("Department of Health", "University of Leeds",
 * "Secretary of State"); after a person's name it does not ("Hannah Lindqvist of Uppsala").
 */
export const OF_HEADS = new Set([
  ...ORGANISATION_HEADS,
  ...TITLES,
  ...words(`republic kingdom states people isle city county province state duke duchess bank
    university college museum department ministry secretary bureau`)
])

/**
 * Verbs that report speech only with their particle (`"…," Bozell points out`, `"…" Lee shot
 * back`, `Trump went on`): the verb's forms → the particle that must follow.
 */
const PHRASAL_SPEECH: Record<string, string> = Object.fromEntries(
  [
    ['point points pointed pointing', 'out'],
    ['went goes go going', 'on'],
    ['shot shoots fired fires hit hits snapped snaps wrote writes', 'back'],
    ['chimed chimes', 'in'],
    ['spoke speaks piped pipes', 'up']
  ].flatMap(([forms, particle]) => forms!.split(' ').map((form) => [form, particle!]))
)

/** Whether the word at `index` is a phrasal speech verb followed by its particle. */
export function isPhrasalSpeech(
  tokens: { lower: string; capital: boolean }[],
  index: number
): boolean {
  const verb = tokens[index]
  return (
    verb !== undefined &&
    !verb.capital &&
    PHRASAL_SPEECH[verb.lower] !== undefined &&
    tokens[index + 1]?.lower === PHRASAL_SPEECH[verb.lower]
  )
}

/** Particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES = words(`de van von bin al da di del der la le du`)

/** Whether `word` continues a capitalised name after `previous` ("of" only after OF_HEADS). */
export function continuesName(word: string, previous: string | undefined): boolean {
  if (word === 'of') return previous !== undefined && OF_HEADS.has(previous.toLowerCase())
  return NAME_PARTICLES.has(word)
}

/**
 * The cast of an article: the people, organisations and places it names, each under the name it
 * first gives in full, with every later mention ("Esper", "Kim Kye Gwan's") tied back to it.
 * Attribution asks the cast to turn what stands in a speaker's place (a name, a pronoun, "the
 * statement", "a senior adviser to Kim") into that canonical name.
 */
import { DescriptionResolver } from './descriptions'
import { EntityRegistry, type Entity, type Mention } from './entity-registry'
import { inferGenders } from './gender-inference'
import { registerNames } from './name-mentions'
import { PronounResolver, type PronounContext } from './pronoun-resolution'
import { readRolesAndKinds } from './roles-and-kinds'
import type { Range } from './sentences'
import { markModifiers, markSubjects } from './subjects'
import type { Token, TokenIndex } from './tokens'

/**
 * Finds the cast of `text`. `quoteRanges` are the quotation spans (names inside them are
 * mentions but never pronoun antecedents); sentences and paragraphs come from sentences.ts.
 */
export class Cast {
  readonly entities: Entity[]
  /** In order of start. */
  readonly mentions: Mention[]
  private readonly registry: EntityRegistry
  private readonly pronouns: PronounResolver
  private readonly descriptions: DescriptionResolver

  constructor(
    text: string,
    sentences: Range[],
    paragraphs: Range[],
    quoteRanges: Range[],
    tokens: TokenIndex
  ) {
    const registry = new EntityRegistry(text, tokens)
    registerNames(registry, text, sentences, tokens, quoteRanges)
    registry.sortMentions()
    const { entities, mentions } = registry
    // Each step reads what the one before settled: subjects decide which names can be places,
    // and roles and kinds decide who can have a gender.
    markSubjects(mentions, text, sentences)
    markModifiers(mentions, text)
    readRolesAndKinds(mentions, text, tokens)
    inferGenders(entities, mentions, text, sentences)
    this.registry = registry
    this.entities = entities
    this.mentions = mentions
    this.pronouns = new PronounResolver(sentences, paragraphs, registry)
    this.descriptions = new DescriptionResolver(text, sentences, tokens, registry)
  }

  /** The entity a name written at `at` refers to (a full name, a surname, an organisation). */
  byName(surface: string, at: number): Entity | null {
    return this.registry.byName(surface, at)
  }

  /**
   * Resolves a descriptive phrase ("the statement", "a senior adviser to Kim", "an unnamed
   * foreign ministry spokesman") to a canonical speaker, or returns the phrase tidied when the
   * article never names who it is.
   */
  byDescription(phrase: Token[], at: number): string | null {
    return this.descriptions.resolve(phrase, at)
  }

  /**
   * Resolves a third-person pronoun at `at` to the most salient entity of the right kind:
   * who spoke last, who is the subject of recent sentences, who was named most recently.
   */
  byPronoun(pronoun: string, at: number, context: PronounContext): Entity | null {
    return this.pronouns.resolve(pronoun, at, context)
  }

  /** Mentions starting in [from, to), in order. */
  mentionsBetween(from: number, to: number): Mention[] {
    return this.registry.mentionsBetween(from, to)
  }
}

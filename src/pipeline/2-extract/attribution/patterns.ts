/** The ways a report says where a figure comes from, each rule with the phrase it handles. */
import type { Attribution } from '../../../domain/types.js';
import { allMatches } from '../../../nlp/matches.js';
import { labelMeasure } from '../counts/label.js';

/** An attribution found in a sentence, with its place (sentence-relative offsets). */
export interface Found {
  attribution: Attribution;
  start: number;
  end: number;
  /** True when the source is a pronoun ("it added") still to be resolved. */
  pronoun?: boolean;
}

const SPEECH = String.raw`(?:gave|gives|give)(?=\s+(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+)?(?:toll|figure|tally|count|estimate)s?\b)|said|say|says|saying|told|tells|reported|stated|noted|added|adds|announced|claimed|estimated|confirmed|declared|wrote|recorded|documented|registered|verified|listed|counted|alleged|indicated|revealed|put|puts|tweeted|posted|notified|informed|testified|recalled|recalls|recollected|recollects|acknowledged|admitted|conceded|insisted|asserted|(?:is|are|was|were)\s+reporting(?=\s+that\b)|(?:warned|regretted|explained|cautioned|feared)(?=\s+that\b)|(?:has|have|had)\s+(?:verified|recorded|documented|registered|confirmed|counted|listed|reported|said|put)|(?:reports?|states?|notes?|claims?|estimates?|shows?|confirms?|announces?|warns?|found|finds|believes?|concluded|ruled|held|determined|established|(?:was|were)\s+satisfied(?:\s+beyond\s+reasonable\s+doubt)?)(?=\s+(?:that|having)\b)|(?:reports|records)(?=\s+(?:(?:at\s+least|some|about|around|more\s+than|over|nearly)\s+)?\d)|(?:(?:has|have|had)\s+)?argued(?=\s+that\b)|argues?(?=\s+that\b)|(?:shows?|finds|says)(?=\s*$)|(?:was|were)\s+able\s+to\s+(?:confirm|verify|document|establish)|(?:could|can)\s+(?:confirm|verify|document)`;
const PRONOUN = /^(?:it|he|she|they|this|the latter|the former)$/i;
// Words that open a clause rather than name a speaker: "…, though police said", "and estimates that".
const LEADING = /^(?:and|but|or|so|as|while|whereas|when|then|though|although|because|since|if|yet)\s+/i;
const NOT_SPEAKER = /^(?:the|a|an|this|that|these|those|which|who|what|where|when|there|and|but|or|it is|is|was|we|i|you|us|one)?$/i;

/** The sentence's opening noun phrase ("The Protection Cluster has verified …"): the speaker of a coordinated verb. */
function sentenceSubject(sentence: string): string | null {
  const m = /^\s*(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s*){1,6}/u.exec(sentence);
  const s = m?.[0].trim();
  return s && !/^(?:The|A|An|In|On|At|By|For|According)$/.test(s) ? s : null;
}
// Verbs that are often past participles in a noun phrase ("the names listed on the memorial").
const PARTICIPLE_PRONE = /^(?:listed|recorded|registered|counted|documented|verified|reported|estimated|confirmed|put)$/i;
// "Names listed on the memorial include 30 children": after the participle's phrase, the clause's own verb.
const PARTICIPLE_TAIL = /^\s+(?:by\b|(?:on|in|at|as|under|so\s+far|since|during|from|here|there|below|above|with|for)\b(?:(?!\bthat\b)[^.;:“”"\d])*?\b(?:include[sd]?|is|are|was|were|remains?|remained|numbers?|numbered|totals?|totall?ed)\b)/i;

// Nouns that name a body that can find, report or estimate: the antecedent of a later "it" or "they".
const BODY_NOUN = String.raw`commission|committee|ministry|court|tribunal|chamber|office|agency|government|council|mission|inquiry|panel|police|army|military|organi[sz]ation|group|report|survey|study|review|authority|authorities|department|service|institute|cent(?:re|er)|foundation|network|monitor|observatory|coalition|union|league|association|society|board|bureau|prosecutors?|prosecution|investigators?|investigation|team|unit|officials|ngo|charity|hospital|clinic|registry|directorate|secretariat|ombudsman`;
// Case-sensitive, so the verb after the subject can be told from a name; a body noun may be capitalised.
const BODY_NOUN_ANY_CASE = BODY_NOUN.split('|').map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const BODY_SUBJECT = new RegExp(String.raw`^\s*((?:[Tt]he\s+)?(?:[\p{L}’'-]+\s+){0,4}?(?:${BODY_NOUN_ANY_CASE})|(?:[Tt]he\s+)?[\p{Lu}][\p{L}’'.-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[\p{Lu}][\p{L}’'.-]*){1,5})(?=\s+(?!(?:of|in|on|at|from|for|with|and|or|the|an?|to|by|who|which|that|whose|said|says)\b)[a-z]+\b)`, 'u');
const NOT_BODY_START = /^(?:the\s+)?(?:its|their|his|her|our|my|your|in|on|at|after|before|during|since|by|for|from|when|while|last|this|next|on|early|late|later|earlier|yesterday|today|some|many|most|one|two|three|several|hundreds|thousands|dozens)\b/i;

/**
 * The body a sentence opens with, when it is one that could go on to report a figure
 * ("The commission published its report on Monday." → "The commission"), else null.
 */
export function bodySubject(sentence: string): string | null {
  // "Last year, men from the commission came …": a short opening adverbial is not the subject.
  const m = BODY_SUBJECT.exec(sentence.replace(/^\s*(?:[\p{L}\p{N}'’-]+\s+){0,3}[\p{L}\p{N}'’-]+,\s+/u, ''));
  if (!m) return null;
  const s = m[1]!.trim();
  if (NOT_BODY_START.test(s)) return null;
  // The i flag lets \p{Lu} match any letter: a name must really start with capitals.
  if (!new RegExp(String.raw`(?:${BODY_NOUN})$`, 'i').test(s) && !/^(?:The\s+)?\p{Lu}\S*\s+(?:(?:of|for|and)\s+)?\p{Lu}/u.test(s)) return null;
  return s;
}

/** True when a body phrase is plural ("investigators", "the authorities"): the antecedent of "they", not "it". */
export function isPluralBody(body: string): boolean {
  // The head comes before any prepositional phrase: "Investigators from the Orlec bureau".
  const head = body.split(/\s+(?:of|from|for|at|in|with|on)\s+/i)[0]!;
  return /(?:s|police|men|people|staff)$/i.test(head) && !/(?:ss|us|is)$/i.test(head);
}

// Words that may stand between a speaker and the verb: "the statement further noted".
const ADVERB = String.raw`(?:\s+(?:further|also|later|earlier|then|previously|separately|again|officially|reportedly|now|so\s+far|since))?`;

// Cheap tests that gate the costlier patterns.
const FIGURE_WORD = /\b(?:figures|data|statistics|estimates|tally|count|toll|list)\b/i;
const SPEECH_WORD = new RegExp(String.raw`\b(?:${SPEECH})\b`, 'i');

// "X said (that)", "a Turkish Foreign Ministry statement said on Monday", "it added"; a dash opens a clause too;
// "the National Disaster Authority (NDA) reported": an acronym in brackets stands between the name and its verb.
const speakerBefore = (acronym: string) => new RegExp(String.raw`(?:^|[,;:“”"(]\s*|(?<=\S)\[\d{1,3}\]\s*|\bthat\s+|(?<=[\s)])[-–—_]\s*|[–—]\s*)((?:[\p{L}\p{N}'’.-]+\s+){0,11}?[\p{L}\p{N}'’.-]+)${acronym}(,?)${ADVERB}\s+(${SPEECH})\b`, 'giu');
const SPEAKER_BEFORE = speakerBefore('');
// The costlier variant, tried only on sentences with a bracketed acronym.
const SPEAKER_BEFORE_ACRONYM = speakerBefore(String.raw`(?:\s+\([\p{Lu}\p{N}&.-]{2,15}\))?`);
const ACRONYM = /\(\p{Lu}[\p{Lu}\p{N}&.-]{1,14}\)\s/u;
// "…, said the ministry." (inverted, at the end)
const SPEAKER_AFTER = new RegExp(String.raw`[,”"]\s*(${SPEECH})\s+((?:the\s+)?[^,;:!?“”"]{2,80})`, 'giu');

// A phrase that opens with a number is a count, not a speaker.
const STARTS_COUNT = /^(?:(?:about|some|around|at\s+least|more\s+than|nearly|almost|over|up\s+to)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens|scores)\b)/i;

/** A short subject that opens the sentence and ends at its first comma ("The Interior Ministry, which …"). */
function leadingSubject(sentence: string): { text: string; end: number } | null {
  const m = /^\s*((?:[\p{L}\p{N}'’.-]+\s+){0,6}[\p{L}\p{N}'’.-]+),/u.exec(sentence);
  if (!m || !/^(?:the\s+)?\p{Lu}/u.test(m[1]!) || /^(?:in|on|at|after|before|during|since|by|for|from|when|while|as|if|but|and|so)\b/i.test(m[1]!)) return null;
  return { text: m[1]!, end: m.index + m[0].length - 1 };
}

/** Cuts a source phrase where the attributing phrase ends and the reported content begins. */
function trimSource(s: string): string {
  let t = s.replace(/^[\s,:–—-]+/, '');
  // "reports from human rights organisations and international media the events that …":
  // a determiner after a noun starts a new phrase unless a preposition or conjunction joins them.
  const m = /^(.*?[\p{L}\p{N}])\s+(?:the|a|an|this|these|those|some|many|its|their)\s/iu.exec(t);
  if (m && !/\b(?:of|from|by|in|on|at|for|with|and|or|to|between|among|per)$/i.test(m[1]!)) t = m[1]!;
  return t.replace(/[\s,.;:]+$/, '').trim();
}

/** Kind of data an attribution names, when its words say official or unofficial. */
export function kindOf(words: string): Attribution['kind'] {
  if (/\bunofficial\b/i.test(words)) return 'unofficial';
  if (/\bofficial\b/i.test(words)) return 'official';
  return undefined;
}

function make(text: string, source: string, start: number): Found {
  const attribution: Attribution = { text: text.trim(), source: source.trim() };
  const kind = kindOf(text);
  if (kind) attribution.kind = kind;
  return { attribution, start, end: start + text.length };
}

// Headlines: a capitalised speaker before a colon that a count follows, or a short one after the colon that ends it.
const HEADLINE_SOURCE = /^\s*((?:[\p{Lu}][\p{L}'’.&-]*|of|the|for)(?:\s+(?:[\p{Lu}][\p{L}'’.&-]*|of|the|for|officials|police|authorities|ministry|government|army|governor|mayor|health|rescuers|medics|doctors|activists|monitors)){0,5}):\s+(?=[^:]*\d)/u;
const HEADLINE_SOURCE_AFTER = /\d[^:]{0,100}:\s+((?:[\p{L}'’.&-]+\s+){0,3}[\p{L}'’.&-]+)\s*$/u;
const HEADLINE_BODY = new RegExp(String.raw`(?:\p{L}{2}s|${BODY_NOUN}|governor|mayor|minister|president|spokes(?:man|woman|person)|rescuers|medics|doctors)$`, 'iu');
const CASUALTY_WORD = /\b(?:dead|deaths?|died|killed|kills?|toll|injured|wounded|missing|casualties|fatalities|victims|bodies|displaced|homeless)\b/i;

const REPORT_SUBJECT = /^\s*((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\p{Ll}-]+\s+){0,2}(?:report|statement|study|survey|review|findings|account|investigation|inquiry|assessment|analysis)\s+(?:of|by|from)\s+(?:the\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}'’.-]*){0,5})\s[^.;:“”"\d]{0,200}?(\s(?:says|said|states|stated|concludes|concluded|notes|noted|reports|reported|finds|found|estimates|estimated))\b/u;
const CLAIMED_ACT = /^\s+(?:responsibility|credit|(?:the|an?|its|their|this|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|bombings?|killings?|assaults?|raids?|strikes?|massacres?|abductions?|kidnappings?|shootings?|explosions?|blasts?|ambush(?:es)?|operations?))\b/u;

/** Every attribution stated in a sentence, in order. */
export function findAttributions(sentence: string): Found[] {
  const out: Found[] = [];
  const add = (f: Found) => {
    if (!out.some((o) => f.start < o.end && o.start < f.end)) out.push(f);
  };
  const has = (re: RegExp) => re.test(sentence);
  // Tested once: it gates both the speaker-before and the speaker-after patterns.
  const speech = has(SPEECH_WORD);
  // "according to the official data", "according to reports from human rights organisations …"
  if (has(/according/i)) for (const m of allMatches(/\baccording\s+to\s+([^,;:.!?()“”"–—]{2,160})/gi, sentence)) {
    const source = trimSource(m[1]!);
    if (source) add(make(`${m[0].slice(0, m[0].length - m[1]!.length)}${source}`, source, m.index!));
  }
  // "per the ministry", "citing local officials"
  if (has(/\b(?:per|citing|quoting)\b/i)) for (const m of allMatches(/\b(?:per|citing|quoting)\s+(?!cent\b|capita\b|day\b|year\b|week\b|month\b|hour\b|person\b)((?:the\s+)?[\p{Lu}][^,;:.!?()“”"]{1,80}|the\s+[^,;:.!?()“”"]{2,80})/giu, sentence)) {
    const source = trimSource(m[1]!);
    if (source) add(make(`${m[0].slice(0, m[0].length - m[1]!.length)}${source}`, source, m.index!));
  }
  // "Azerbaijani figures", "UN estimates", "the ministry's figures"
  // Case-sensitive on purpose: with the i flag \p{Lu} matches any letter, and "Government puts
  // Varn toll" would read as a name; lower-case words inside are adjectives ("Orlec provincial
  // figures"), not plural nouns or verbs. A capitalised word before "toll", "tally" or "count" is a
  // place or an event ("the Varn toll"), not a source; only a possessive names one there.
  if (has(FIGURE_WORD)) for (const m of allMatches(/\b(?:(?:[Tt]he\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|(?!(?:the|an?|of|at|to|in|on|and|or|by|for|with|that|put|show)\b|[\p{Ll}-]*s\b)[\p{Ll}][\p{Ll}-]*)){0,4}\s+(?:figures|data|statistics|estimates)|(?:[Tt]he\s+)?(?:[\p{L}-]+\s+){0,3}[\p{L}-]+['’]s?\s+(?:own\s+)?(?:figures|data|statistics|estimates|tally|count|toll|list))\b/gu, sentence)) {
    if (/^(?:the\s+)?(?:official|unofficial)\s/i.test(m[0]) || !/\p{Lu}|['’]/u.test(m[0].replace(/^The\b/, ''))) continue;
    add(make(m[0], m[0], m.index!));
  }
  // "the official data", "unofficial figures"
  if (has(/official/i)) for (const m of allMatches(/\b(?:the\s+)?(?:un)?official\s+(?:data|figures|statistics|sources|estimates|count|toll|information|records)\b/gi, sentence)) {
    add(make(m[0], m[0], m.index!));
  }
  // "X said (that)", "a Turkish Foreign Ministry statement said on Monday", "it added"
  // A dash opens a clause too: "SALTMARCH — The Interior Ministry said", "… 7 children — the ministry said".
  if (speech) for (const m of allMatches(ACRONYM.test(sentence) ? SPEAKER_BEFORE_ACRONYM : SPEAKER_BEFORE, sentence)) {
    // "SALTMARCH - The Interior Ministry said": a dateline before a dash is not part of the speaker.
    const dateline = /^.*\s[-–—]\s+/.exec(m[1]!.trimStart())?.[0].length ?? 0;
    // "- Partners documented …": a list item's bullet is not part of the speaker.
    const bullet = /^[-–—•*]+\s+/.exec(m[1]!.trim().slice(dateline))?.[0].length ?? 0;
    let speaker = m[1]!.trim().slice(dateline + bullet).replace(/(?:\s+(?:has|have|had|now|also|so\s+far))+$/i, '');
    // "The whereabouts of an estimated 60": after an article the participle is an adjective.
    if (/\b(?:an?|the)$/i.test(speaker)) continue;
    // "those not listed": a negated verb reports nothing.
    if (/\b(?:not|never)$/i.test(speaker)) continue;
    // "victims listed by the hospital", "names listed on the memorial include …": a participle, not a speech verb.
    if (PARTICIPLE_PRONE.test(m[3]!) && PARTICIPLE_TAIL.test(sentence.slice(m.index! + m[0].length))) continue;
    // "Among the victims listed …", "Of those recorded …": a partitive is no speaker.
    if (/^(?:among|of|from|between)\b/i.test(speaker)) continue;
    while (LEADING.test(speaker)) speaker = speaker.replace(LEADING, '');
    const start = m.index! + m[0].indexOf(m[1]!) + (m[1]!.length - m[1]!.trimStart().length) + dateline + bullet;
    const text = sentence.slice(start, m.index! + m[0].length);
    // "and estimates that", ", saying that": the verb's subject opens the sentence.
    // "The governor, Ilse Varga, said": after an apposition's comma only a short name may speak.
    if (m[2] === ',' && !/^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(speaker)) {
      // "Kestrel Watch's first count, published in September, listed 38 dead": the subject before the apposition.
      const lead = leadingSubject(sentence);
      const verbAt = m.index! + m[0].length - m[3]!.length;
      // "An earlier version, citing police, said …": an apposition that names a source of its own keeps it.
      if (lead && lead.end < start && !sentence.slice(lead.end + 1, start).includes(',') && !/\b(?:citing|quoting|according|per)\b/i.test(sentence.slice(lead.end, verbAt))) add(make(m[3]!, lead.text, verbAt));
      continue;
    }
    // "The Interior Ministry, which gave a toll of 52": the relative pronoun stands for the subject before it.
    if (/^(?:which|who)$/i.test(speaker)) {
      const lead = leadingSubject(sentence);
      if (lead && /^,\s*$/.test(sentence.slice(lead.end, start))) add(make(text, lead.text, start));
      continue;
    }
    if (/^(?:and|but)$/i.test(m[1]!.trim()) || (NOT_SPEAKER.test(speaker) && /^saying$/i.test(m[3]!))) {
      const subject = sentenceSubject(sentence);
      if (subject) add(make(text, subject, start));
      continue;
    }
    // "The group claimed the bombing, which killed 12": who claims an attack does not report its toll.
    if (/^claim(?:s|ed)?$/i.test(m[3]!) && CLAIMED_ACT.test(sentence.slice(m.index! + m[0].length))) continue;
    // "it was determined that …" is a passive, not a speaker.
    if (/\b(?:was|were|is|are|be|been|being)$/i.test(speaker)) continue;
    // "local councillors put the number of dead at …": a lower-case speaker puts only a figure.
    const putsFigure = /^puts?$/i.test(m[3]!) && /^\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|number|figure|count|tally)\b/i.test(sentence.slice(m.index! + m[0].length)) || /^\s+it\s+at\b/i.test(sentence.slice(m.index! + m[0].length));
    if (NOT_SPEAKER.test(speaker) || /\d/.test(speaker.replace(/\b(?:1[5-9]|20)\d\d\b/g, '')) || /^(?:saying|put|puts)$/i.test(m[3]!) && !/^\p{Lu}/u.test(speaker) && !putsFigure) continue;
    const f = make(text, speaker, start);
    if (PRONOUN.test(speaker)) f.pronoun = true;
    add(f);
  }
  // "64 people were still listed as missing by the International Commission": a passive's agent.
  if (/\bby\b/.test(sentence)) for (const m of allMatches(/\b(?:was|were|are|is|been|being)\s+(?:still\s+|also\s+|officially\s+)?(?:listed|recorded|registered|counted|documented|verified|confirmed|reported)(?:\s+as\s+[\p{L}-]+)?\s+by\s+((?:the\s+)?[^,;:.!?()“”"]{2,80})/giu, sentence)) {
    const source = trimSource(m[1]!.replace(/\s+(?:in|on|at|since|during|after|before|until|as\s+of)\s+.*$/i, ''));
    if (source && !STARTS_COUNT.test(source)) add(make(m[0].slice(m[0].search(/\b(?:listed|recorded|registered|counted|documented|verified|confirmed|reported)\b/i)), source, m.index! + m[0].search(/\b(?:listed|recorded|registered|counted|documented|verified|confirmed|reported)\b/i)));
  }
  // "The death toll given by the provincial authorities is 613": a figure's passive agent.
  if (/\bby\b/.test(sentence)) for (const m of allMatches(/\b(?:toll|figures?|number|count|tally|estimates?|data|statistics)\s+(?:given|provided|released|published|cited|issued|reported|announced|compiled|put\s+forward)\s+by\s+((?:the\s+)?[^,;:.!?()“”"]{2,80}?)(?=\s+(?:is|was|are|were|stands|stood|puts?|at|of|shows?|says?|includes?|rose|reached)\b|[,;:.!?(]|$)/giu, sentence)) {
    const source = trimSource(m[1]!);
    const at = m.index! + m[0].search(/\b(?:given|provided|released|published|cited|issued|reported|announced|compiled|put)\b/i);
    if (source && !STARTS_COUNT.test(source)) add(make(sentence.slice(at, m.index! + m[0].length), source, at));
  }
  // A headline "Orlec officials: 40 dead in flood" or "Flood toll rises to 19: governor": the source before or after a colon.
  // A place before the colon ("Pelmor: 96 killed") is no source: the phrase must end in a plural or a body.
  // (Only a short line without end punctuation is a headline: the patterns are not tried on prose.)
  const headline = !out.length && sentence.length <= 160 && sentence.includes(': ') && !/[.!?]\s*$/.test(sentence) && CASUALTY_WORD.test(sentence);
  const before = headline ? HEADLINE_SOURCE.exec(sentence) : null;
  const head = !headline ? null : before && HEADLINE_BODY.test(before[1]!) ? before : HEADLINE_SOURCE_AFTER.exec(sentence);
  if (head && !labelMeasure(head[1]!)) {
    const at = head.index + head[0].indexOf(head[1]!);
    add(make(head[1]!, head[1]!, at));
  }
  // "The report of Memorial on the events in Orlec says of the flight: “…”": a report's long subject, named by its author.
  if (speech) {
    const m = REPORT_SUBJECT.exec(sentence);
    if (m) add(make(m[0].slice(m[0].length - m[2]!.length).trimStart(), m[1]!, m.index + m[0].length - m[2]!.length));
  }
  // ", saying that …": the speaker is the sentence's subject.
  for (const m of allMatches(/,\s*saying\b/gi, sentence)) {
    const subject = sentenceSubject(sentence);
    if (subject) add(make(m[0].replace(/^,\s*/, ''), subject, m.index! + m[0].search(/s/i)));
  }
  // "…, said the ministry." (inverted, at the end)
  if (speech) for (const m of allMatches(SPEAKER_AFTER, sentence)) {
    const source = trimSource(m[2]!);
    // "…, said 23 people had died": what follows the verb is the report, not a speaker.
    if (source && !/^(?:that|on|in|at|during|after|before|last|this|yesterday|today|earlier|later|again|also)\b/i.test(source) && !STARTS_COUNT.test(source)) add(make(m[0].replace(/^[,”"]\s*/, '').replace(/[\s.,;:!?]+$/, ''), source, m.index! + m[0].search(/\p{L}/u)));
  }
  return out.sort((a, b) => a.start - b.start);
}

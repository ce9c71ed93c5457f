/** Word lists the entity rules read: cue words for each kind and the capitalised words that name nothing. */

/** Builds a set from a space-separated list, so the lists below stay readable. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Capitalised only because they open a sentence: "The", "However", "According to …". */
export const SENTENCE_STARTERS = words(`
  the a an in on at by for from to with without of as this that these those it its he she they we i you
  his her their our my your there here but and or nor so yet however although though while when where
  whereas after before during since until because if unless according some many most all both each every
  no not only also meanwhile moreover furthermore then thus today yesterday tomorrow last next earlier later
  among amid despite following under over between into upon about around near one two three four five six
  seven eight nine ten such other another several few more less even still now what which who why how whose
  whom once due instead indeed perhaps yes nearly almost just any none neither either whether whatever
  further first second third finally again already let our those therefore hence overall according
  although unlike like within across against along beyond toward towards throughout until via per
  has have had is are was were be been being do does did will would can could may might must shall should
  said says told asked added more much very well given based asked
`);

/** Never names, wherever they stand. */
export const MONTHS_AND_DAYS = words(`
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
`);

/** Capitalised mid-sentence without naming a person, organisation or place. */
export const NEVER_NAMES = words(`I I'm I've I'd I'll OK Internet No Nos`);

/** Capitals that abbreviate things, not bodies or places: "a DNA sample", "send an SMS". */
export const NOT_ACRONYMS = words(`
  DNA SMS GPS TV PDF URL HIV AIDS COVID CEO GDP ID IDs UTC GMT AM PM BC AD CE BCE USD EUR NGO NGOs IDP IDPs MP MPs
  PhD UAV UAVs RPG SUV FAQ PS NB PTSD ICU ER IED IEDs HQ VIP
`);

/** A run containing one of these names an organisation: "Human Rights Watch", "Ministry of Justice". */
export const ORG_WORDS = words(`
  Ministry Ministries Office Council Committee Court Courts Agency Watch Group Army Forces Force Parliament Nations
  University News Union Organisation Organization Commission Department Bureau Service Services Police
  Institute Center Centre Foundation Association Party Front Assembly Senate Congress Bank Fund Programme Program
  Tribunal Chamber Federation Society Movement Brigade Battalion Regiment Division Guard Guards Command Cluster
  Mission Secretariat Company Corporation Inc Ltd Times Post Press Television Radio Network Daily Herald Gazette
  Cabinet Government Administration Authority Directorate Academy College Hospital Coalition Alliance League
  Board Trust Amnesty Navy Ombudsman Unit
  Embassy Consulate Corps Militia Observatory Monitor Initiative Institution
`);

/** Words that need the one before them to cue an organisation ("Red Cross", not "Cross"). */
export const ORG_PAIRS: readonly [string, string][] = [['Red', 'Cross'], ['Red', 'Crescent']];

/** A run ending in one of these names a place: "Upper Lenn Valley", "Autonomous Oblast". */
export const PLACE_WORDS = words(`
  Republic Kingdom Oblast Province Region District County Valley River Lake Mountains Mountain Island Islands Sea
  Ocean Street Square Avenue Bridge Village Town City Municipality Governorate Prefecture Canton Gulf Bay Isle
  Peninsula Desert Plain Plateau Heights Hills Strait Coast Emirates Raion Rayon Krai Okrug
`);

/** Lower-case nouns after a name that make it a place: "the Korsk region", "Belvane village". */
export const PLACE_NOUNS = words(`
  town towns city cities village villages district districts region regions province provinces valley oblast
  county municipality settlement settlements hamlet hamlets area areas territory territories capital camp camps
  neighbourhood neighborhood suburb quarter border frontier river airport
`);

/** Lower-case nouns before "of X" that make X a place: "the town of Belvane", "the village of Korsk". */
export const PLACE_OF = words(`town city village district region province valley capital outskirts suburbs settlement hamlet municipality territory streets centre center`);

/** Prepositions that put a place after them: "in Velmora", "from Korsk", "off Cape Morrow". */
export const PLACE_PREPOSITIONS = words(`in at from near to into toward towards outside inside across through around off`);

/** "according to X", "due to X": "to" there introduces no place. */
export const NOT_PLACE_BEFORE_TO = words(`according due thanks owing close next belonged belongs belong spoke speaking talked wrote sent letter told said`);

/** Capitalised titles before a person's name: "Ambassador Lale Demir", "Dr. Novak". */
export const TITLES = words(`
  Mr Mrs Ms Miss Dr Prof Professor President Ambassador Minister General Prosecutor Judge Justice Colonel Col Gen
  Lt Lieutenant Captain Capt Major Maj Sergeant Sgt Senator Sen Governor Gov Mayor Deputy Sheikh Imam Father Bishop
  King Queen Prince Princess Lord Lady Sir Chairman Chairwoman Chair Commander Secretary Secretary-General
  Rep Representative Pres Rev Reverend Envoy Consul Chancellor Premier Speaker Admiral Marshal Officer Inspector
  Attorney Commissioner Rapporteur Director Spokesman Spokeswoman Spokesperson Ombudsman Cardinal Pope Patriarch
  Mufti Rabbi Pastor Brother Sister Haji Hajji
`);

/** Titles written with a period in abbreviations: "Mr. Novak". */
export const DOTTED_TITLES = words(`Mr Mrs Ms Dr Prof Col Gen Lt Capt Maj Sgt Sen Gov Rep Pres Rev St`);

/** Lower-case role nouns before a name: "the historian Petra Valdane", "my neighbour Jana". */
export const ROLE_NOUNS = words(`
  historian journalist reporter correspondent spokesman spokeswoman spokesperson lawyer attorney resident residents
  survivor witness activist researcher author writer commander official officer doctor nurse mayor governor priest
  imam minister president ambassador prosecutor judge general colonel captain sergeant senator envoy chairman
  chairwoman director leader farmer teacher schoolteacher student neighbour neighbor mother father son daughter
  wife husband brother sister uncle aunt cousin grandmother grandfather relative victim soldier photographer
  analyst expert scholar professor economist diplomat deputy lawmaker mp politician candidate rapporteur
  investigator commissioner inspector secretary head chief member founder owner manager editor poet villager
  refugee physician surgeon pastor bishop rabbi mufti chair chairperson president spokesperson coordinator
`);

/** After ", a …" these nouns make the name before them a group or a place, not a person. */
export const ORG_NOUNS = words(`group organisation organization agency body charity ministry company firm network coalition alliance party union council committee newspaper outlet broadcaster website court tribunal institute foundation association militia unit`);

/** Verbs after a name that make it a person: "Petra Valdane said", "Demir told reporters". */
export const PERSON_VERBS = words(`said says told tells recalled remembered explained added asked wrote recounted testified insisted argued warned urged replied answered described lost fled survived`);

/** Words that end the name of an event ("Belvane Massacre"): what comes before them is where it happened. */
export const EVENT_WORDS = words(`Massacre Massacres Killings Genocide Tragedy Siege Pogrom Bombing Bombings Attack Attacks Offensive War Wars Uprising Earthquake Flood Floods Revolution Crisis Conflict Operation`);
/** Words that end the name of a law, a day, a document or a memorial rather than of a place or body. */
export const NOT_NAME_ENDS = words(`
  Convention Conventions Resolution Resolutions Treaty Agreement Agreements Accord Accords Act Acts Day Prize Award
  Cup Games Conference Summit Protocol Declaration Charter Campaign Memorial Museum Law Code Plan Report Anniversary
  Photo Photos Image Images Bulletin Chapter Section Article Paragraph Figure Table Annex Appendix Volume Page
  Edition Issue Statement Note Notes Map Video
`);

/** Ordinals that open event names: "Second Tarvos War". */
export const ORDINALS = words(`First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Great`);

/** Nationality words that do not derive from a country's name by a suffix. */
export const IRREGULAR_DEMONYMS = words(`
  English British French Dutch Spanish Turkish Greek Swiss Welsh Irish Scottish Danish Swedish Finnish Polish Kurdish
  Chinese Japanese Arabic Arab Arabs Jewish Muslim Muslims Christian Christians Catholic Orthodox Sunni Shia Shiite
  Azeri Azeris Turks Turk Serb Serbs Croat Croats Kurds Jews Soviet Western Eastern Northern Southern European
  African Asian Latin Hebrew Persian Slavic Filipino Thai Lao Czech Slovak Scot Scots Pakistani Bangladeshi
  Yemeni Omani Iraqi Israeli Somali Afghan Afghans Uzbek Uzbeks Kazakh Kazakhs Tajik Tajiks Kyrgyz Turkmen
`);

/** Schemas of figures, checks and events. */
import { arr, bool, int, nullable, num, obj, oneOf, str } from './build.js';
import { MEASURES, count, countRef, docSpan, label, labels, reviewStatus, span } from './common.js';

/** FigureKey. */
export const figureKey = obj({ event: str(), measure: oneOf(MEASURES), group: str(), unit: oneOf(['people', 'families']) });

/** Verdict. */
export const verdict = {
  anyOf: [
    obj({ status: oneOf(['consistent', 'unplaced']), reason: str() }),
    obj({
      status: oneOf(['diverging']), kind: oneOf(['attribution', 'time', 'source']), reason: str(),
      pairs: arr(arr(int(), { minItems: 2, maxItems: 2 })),
    }),
  ],
};

const valueProps = {
  min: nullable(num()), max: nullable(num()), label: str(), approximate: bool(), attributions: arr(str()),
  unattributed: int(), kinds: arr(oneOf(['official', 'unofficial', 'none'])), reports: arr(str()), reportCount: int(),
  independent: int(), compatibleWith: arr(int()), phrase: str(), mentions: int(),
};

/** FigureSummary. */
export const figureSummary = obj({ id: str(), key: figureKey, eventLabel: str(), values: arr(obj(valueProps)), valueCount: int(), verdict });

/** Mention. */
export const mention = obj({
  document: label, sourceGroup: str(), count, status: reviewStatus, sentence: obj({ span, text: str() }), highlight: span,
});

/** CheckView. */
export const checkView = obj({
  kind: oneOf(['subgroup-exceeds-total', 'subgroups-exceed-total', 'joint-vs-parts', 'contradiction']),
  status: oneOf(['problem', 'agrees']), event: str(), measure: oneOf(MEASURES), reason: str(),
  counts: arr(countRef), spans: arr(docSpan), figureIds: arr(str()),
});

/** FigureDetail. */
export const figureDetail = obj({
  builtAt: str(), id: str(), key: figureKey, eventLabel: str(), verdict,
  values: arr(obj({ ...valueProps, evidence: arr(mention) })), checks: arr(checkView),
});

/** FigureList. */
export const figureList = obj({ builtAt: str(), total: int(), items: arr(figureSummary), documents: labels });
/** FiguresExport. */
export const figuresExport = obj({ builtAt: str(), figures: arr(figureDetail), documents: labels });
/** CheckList. */
export const checkList = obj({ builtAt: str(), total: int(), items: arr(checkView), documents: labels });
/** EventList. */
export const eventList = obj({
  builtAt: str(), documents: int(),
  items: arr(obj({ key: str(), label: str(), counts: int(), reports: int(), figures: int(), when: str(), whenSupport: int() }, ['when', 'whenSupport'])),
});

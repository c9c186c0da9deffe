// The models the answer pipeline stands on, fitted by `npm run train` on labelled questions and
// committed as one data file (data/fitted-model.json), validated when it is read: the passage
// ranker, the answer-unit ranker, and the verdict's two calibrated models (the costs that turn
// their probabilities into a verdict are code: answer/verdict-costs.ts).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { linearModelSchema, logOdds } from './linear-model.js';

export const FITTED_MODEL_FORMAT = 1;

/**
 * A linear model and its calibration: isotonic, fitted on out-of-fold log-odds. Each knot is a
 * step of the monotone fit (the mean log-odds of its questions and the share of them that held);
 * between knots the probability is interpolated, beyond them it stays at the end's.
 */
const calibratedSchema = z.object({
  model: linearModelSchema,
  calibration: z
    .array(z.object({ logOdds: z.number(), probability: z.number().min(0).max(1) }))
    .min(1)
    .refine((knots) => knots.every((knot, i) => i === 0 || (knot.logOdds > knots[i - 1]!.logOdds && knot.probability >= knots[i - 1]!.probability)), {
      message: 'calibration knots must rise in log-odds and never fall in probability',
    }),
});
export type CalibratedModel = z.infer<typeof calibratedSchema>;

export const fittedModelSchema = z
  .object({
    format: z.literal(FITTED_MODEL_FORMAT),
    about: z.string(),
    /** What the weights were fitted on, so a refit can be compared with the committed file. */
    trainedOn: z.object({
      questions: z.number().int().positive(),
      answerable: z.number().int().nonnegative(),
      /** SHA-256 of the labelled questions file. */
      labels: z.string().regex(/^[0-9a-f]{64}$/),
      /** SHA-256 over the corpus documents' texts the features were computed on. */
      corpus: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    /** Orders first-stage passages by the probability that they hold the answer. */
    passage: linearModelSchema,
    /** Orders answer units (a sentence with what continues it) by the probability that they hold the answer. */
    unit: linearModelSchema,
    verdict: z.object({
      /** The probability that the composed answer holds the asked fact. */
      holds: calibratedSchema,
      /** The probability that the documents answer the question at all. */
      answerable: calibratedSchema,
    }),
  })
  .strict();

export type FittedModel = z.infer<typeof fittedModelSchema>;

export const FITTED_MODEL_PATH = new URL('./data/fitted-model.json', import.meta.url);

let committed: FittedModel | undefined;

/** The committed model, read and validated once. */
export function loadFittedModel(): FittedModel {
  committed ??= parseFittedModel(readFileSync(FITTED_MODEL_PATH, 'utf8'), FITTED_MODEL_PATH.pathname);
  return committed;
}

export function parseFittedModel(json: string, name: string): FittedModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`${name} is not JSON (${(error as Error).message}): run "npm run train" to write it again.`);
  }
  const parsed = fittedModelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name} is not a fitted model: ${issue.path.join('.') || '(top level)'}: ${issue.message}. Run "npm run train" to write it again.`);
  }
  return parsed.data;
}

/** The calibrated probability of a calibrated model for one example. */
export function calibratedProbability({ model, calibration }: CalibratedModel, values: readonly number[]): number {
  return interpolate(calibration, logOdds(model, values));
}

function interpolate(knots: CalibratedModel['calibration'], z: number): number {
  const first = knots[0]!;
  if (z <= first.logOdds) return first.probability;
  for (let i = 1; i < knots.length; i++) {
    const right = knots[i]!;
    if (z <= right.logOdds) {
      const left = knots[i - 1]!;
      return left.probability + ((right.probability - left.probability) * (z - left.logOdds)) / (right.logOdds - left.logOdds);
    }
  }
  return knots.at(-1)!.probability;
}

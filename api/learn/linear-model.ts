// A fitted logistic model over named features: what the passage ranker, the answer-unit ranker
// and the verdict are. The weights come from `npm run train`; here they are only applied.
import { z } from 'zod';

export const linearModelSchema = z
  .object({
    /** Feature names, in the order of `weights`: the model applies only to the features it was fitted on. */
    features: z.array(z.string().min(1)).min(1),
    /** Standardisation fitted with the weights: x → (x − mean) / scale. */
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    bias: z.number(),
  })
  .refine((model) => [model.mean, model.scale, model.weights].every((values) => values.length === model.features.length), {
    message: 'mean, scale and weights must have one value per feature',
  });

export type LinearModel = z.infer<typeof linearModelSchema>;

/** A feature set as code computes it: values by name, in the order of `names`. */
export type FeatureValues<Name extends string> = Record<Name, number>;

/** The model's log-odds for one example. */
export function logOdds(model: LinearModel, values: readonly number[]): number {
  let sum = model.bias;
  for (let i = 0; i < model.weights.length; i++) sum += (model.weights[i]! * ((values[i] ?? 0) - model.mean[i]!)) / model.scale[i]!;
  return sum;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Feature values in the order the model was fitted on. */
export function vectorOf<Name extends string>(values: FeatureValues<Name>, names: readonly Name[]): number[] {
  return names.map((name) => values[name]);
}

/** Fails loudly when the model was fitted on other features than the code computes. */
export function assertFeatures(model: LinearModel, names: readonly string[], what: string): void {
  if (model.features.length !== names.length || model.features.some((name, i) => name !== names[i])) {
    throw new Error(
      `The fitted ${what} model has features [${model.features.join(', ')}], the code computes [${names.join(', ')}]: run "npm run train" to refit it.`,
    );
  }
}

using System.Text.Json.Nodes;
using Real.Reporting.Evaluation;

namespace Real.Reporting.Evaluate;

/// <summary>
/// The machine-readable form of an evaluation (snake_case, fractions in [0, 1]). One model: its fields at the top
/// level. Several: a "models" array plus the regression.
/// </summary>
public static class EvaluationJson
{
    public static JsonObject Build(EvaluationRun run, bool perClass, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(classNames);
        var labelSet = new JsonObject
        {
            ["id"] = run.LabelSetId,
            ["images"] = run.LabelSet.Images,
            ["evaluated_images"] = run.LabelSet.EvaluatedImages,
            ["excluded_images"] = run.LabelSet.ExcludedImages,
            ["multi_label_images"] = run.LabelSet.MultiLabelImages,
            ["multi_label_share"] = run.LabelSet.MultiLabelShare,
        };
        if (run.Models.Count == 1)
        {
            var single = Model(run.Models[0], perClass, classNames);
            single["labelset"] = labelSet;
            return single;
        }

        return new JsonObject
        {
            ["labelset"] = labelSet,
            ["models"] = new JsonArray([.. run.Models.Select(m => (JsonNode)Model(m, perClass, classNames))]),
            ["regression"] = run.Regression is { } r
                ? new JsonObject
                {
                    ["x"] = "original_top1",
                    ["y"] = "real_top1",
                    ["models"] = new JsonArray([.. run.RegressionModels.Select(m => (JsonNode)JsonValue.Create(m)!)]),
                    ["slope"] = r.Slope,
                    ["intercept"] = r.Intercept,
                    ["r"] = r.R,
                    ["p_value"] = Finite(r.PValue),
                    ["slope_standard_error"] = Finite(r.SlopeStandardError),
                }
                : null,
        };
    }

    private static JsonObject Model(ModelEvaluation m, bool perClass, IReadOnlyList<string> classNames)
    {
        var json = new JsonObject
        {
            ["model"] = m.ModelId,
            ["real_top1"] = m.ReaLTop1,
            ["real_top5"] = m.ReaLTop5,
            ["original_top1"] = m.OriginalTop1,
            ["original_top5"] = m.OriginalTop5,
            ["evaluated_images"] = m.EvaluatedImages,
            ["predicted_images"] = m.PredictedImages,
            ["images"] = m.Images,
            ["predictions_per_image"] = m.PredictionsPerImage,
            ["real_top1_multi_label"] = Finite(m.ReaLTop1MultiLabel),
            ["original_top1_on_evaluated"] = m.OriginalTop1OnEvaluated,
            ["oracle_original_top1"] = m.OracleOriginalTop1,
            ["margin_over_oracle"] = m.MarginOverOracle,
        };
        if (perClass)
        {
            json["per_class"] = new JsonArray([.. m.PerClass.Select(c => (JsonNode)new JsonObject
            {
                ["class"] = c.ClassIndex,
                ["name"] = c.ClassIndex < classNames.Count ? classNames[c.ClassIndex] : null,
                ["images"] = c.Images,
                ["evaluated_images"] = c.EvaluatedImages,
                ["real_top1"] = Finite(c.ReaLTop1),
                ["original_top1"] = Finite(c.OriginalTop1),
                ["oracle_original_top1"] = Finite(c.OracleOriginalTop1),
                ["margin_over_oracle"] = Finite(c.MarginOverOracle),
            })]);
        }

        return json;
    }

    /// <summary>JSON has no NaN: an undefined figure (no images to average over) is null.</summary>
    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}

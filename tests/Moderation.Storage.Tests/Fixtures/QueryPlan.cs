using MongoDB.Bson;

namespace Moderation.Storage.Tests.Fixtures;

/// <summary>Reads a MongoDB <c>explain</c> answer.</summary>
public static class QueryPlan
{
    /// <summary>Every stage of a plan: they nest under inputStage/inputStages (and queryPlan on the slot-based engine).</summary>
    public static IEnumerable<string> Stages(BsonValue node)
    {
        if (node is BsonDocument document)
        {
            foreach (var element in document)
            {
                if (element.Name == "stage" && element.Value.IsString)
                {
                    yield return element.Value.AsString;
                }

                foreach (var stage in Stages(element.Value))
                {
                    yield return stage;
                }
            }
        }
        else if (node is BsonArray array)
        {
            foreach (var stage in array.SelectMany(Stages))
            {
                yield return stage;
            }
        }
    }
}

namespace Moderation.Cli.Eval;

/// <summary>Which part of a labeled file a comment falls in: rules are tuned on one and checked on the other.</summary>
internal enum EvalPart
{
    /// <summary>Looked at while changing rules.</summary>
    Tuning,

    /// <summary>Never looked at while changing rules: a change is kept only if it also helps here.</summary>
    Checking,
}

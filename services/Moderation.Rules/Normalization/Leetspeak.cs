namespace Moderation.Rules.Normalization;

/// <summary>How digits and symbols read as letters inside a word (<c>sh1t</c>, <c>a$$</c>, <c>@ss</c>).</summary>
internal static class Leetspeak
{
    /// <summary>The letter(s) <paramref name="c"/> reads as; <c>'\0'</c> when it is no leetspeak character.</summary>
    public static (char Primary, char Alternate) Read(char c) => c switch
    {
        '0' => ('o', '\0'),
        '1' => ('i', 'l'),
        '3' => ('e', '\0'),
        '4' => ('a', '\0'),
        '5' => ('s', '\0'),
        '6' => ('g', 'b'),
        '7' => ('t', '\0'),
        '8' => ('b', 'g'),
        '9' => ('g', '\0'),
        '$' => ('s', '*'), // '*': may also mask another letter ("f$ck", "fu@k")
        '@' => ('a', '*'),
        '!' => ('i', 'l'),
        '|' => ('l', 'i'),
        '+' => ('t', '\0'),
        '<' or '(' => ('c', '\0'),

        // Letters swapped for ones that sound or look alike: "cvnt", "azz", "kunt".
        'v' => ('v', 'u'),
        'z' => ('z', 's'),
        'k' => ('k', 'c'),
        'x' => ('x', 'c'),

        _ => ('\0', '\0'),
    };
}

using System.Collections.Generic;
using System.Text;

namespace CatchAll.Codegen.Parsing;

/// <summary>Turns wire names into C# identifiers.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>
    /// PascalCase of a snake_case, kebab-case, camelCase or spaced name: word starts are upper-cased and
    /// separators dropped. Acronyms follow .NET casing: a run of capitals is one word (uploadCSVToDataset ->
    /// UploadCsvToDataset, userID -> UserId, domainURL -> DomainUrl).
    /// </summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var segment in name.Split(Separators(name), System.StringSplitOptions.RemoveEmptyEntries))
        {
            // A shouted word (GET, PENDING_REVIEW) reads as a word: Get, PendingReview. Mixed
            // case (uploadCSVToDataset) is kept as written.
            var word = segment.Length > 1 && IsAllUpper(segment) ? segment.Substring(0, 1) + segment.Substring(1).ToLowerInvariant() : Acronyms(segment);
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lower-cases the inside of every run of two or more capitals: the run is one acronym word, except
    /// that its last capital starts the next word when a lower-case letter follows (CSVTo -> CsvTo).
    /// </summary>
    private static string Acronyms(string segment)
    {
        var chars = segment.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsUpper(chars[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < chars.Length && char.IsUpper(chars[end]))
            {
                end++;
            }

            var last = end < chars.Length && char.IsLower(chars[end]) ? end - 1 : end;
            for (var j = i + 1; j < last; j++)
            {
                chars[j] = char.ToLowerInvariant(chars[j]);
            }

            i = end;
        }

        return new string(chars);
    }

    /// <summary>
    /// Appends <paramref name="suffix"/> to <paramref name="owner"/> without repeating words the two share at
    /// the seam: BaseRecordEnrichment + EnrichmentConfidence -> BaseRecordEnrichmentConfidence.
    /// </summary>
    public static string Join(string owner, string suffix)
    {
        var left = Words(owner);
        var right = Words(suffix);
        for (var overlap = System.Math.Min(left.Count - 1, right.Count - 1); overlap > 0; overlap--)
        {
            var same = true;
            for (var k = 0; k < overlap && same; k++)
            {
                same = left[left.Count - overlap + k] == right[k];
            }

            if (same)
            {
                return owner + string.Concat(right.GetRange(overlap, right.Count - overlap));
            }
        }

        return owner + suffix;
    }

    /// <summary>
    /// A Pascal-cased schema name without a trailing <c>Dto</c> (SubmitRequestDto -> SubmitRequest); the name itself
    /// when nothing would be left. The match is case-sensitive: a spec's <c>DTO</c> is dropped only because
    /// <see cref="Pascal"/> has already turned it into <c>Dto</c> (ReceiptDTO -> ReceiptDto -> Receipt).
    /// </summary>
    public static string DropDto(string name) =>
        name.Length > 3 && name.EndsWith("Dto", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) : name;

    /// <summary>
    /// The singular of a resource name for a type prefix: Webhooks -> Webhook, Entities -> Entity,
    /// Statuses -> Status, Addresses -> Address, Analyses -> Analysis. A word that already reads as a singular
    /// (Status, Bus, Address, Analysis, Series, News) stays as it is. Only the last word changes and its case is kept.
    /// Its answers become public type names, so PublicNameBaselineTests freezes them: a tag's x-catchall-singular is
    /// the fix for a word it gets wrong, not another word in these lists.
    /// </summary>
    public static string Singular(string name)
    {
        var words = Words(name);
        var word = words[words.Count - 1];
        var stem = name.Substring(0, name.Length - word.Length);
        var lower = word.ToLowerInvariant();
        if (Irregular.TryGetValue(lower, out var irregular))
        {
            return stem + (char.IsUpper(word[0]) ? char.ToUpperInvariant(irregular[0]) + irregular.Substring(1) : irregular);
        }

        if (Uncountable.Contains(lower) || lower.Length < 2 || !lower.EndsWith("s", System.StringComparison.Ordinal))
        {
            return name;
        }

        // An acronym's plural: APIs, IDs, CPUs, URIs.
        if (word.Length >= 3 && word[word.Length - 1] == 's' && char.IsUpper(word[word.Length - 2]) && char.IsUpper(word[word.Length - 3]))
        {
            return name.Substring(0, name.Length - 1);
        }

        // Endings of singular words: Address, Analysis, Status, Bus (but Menus and Wikis are plurals).
        if (lower.EndsWith("ss", System.StringComparison.Ordinal)
            || (lower.EndsWith("is", System.StringComparison.Ordinal) && !PluralsOfI.Contains(lower))
            || (lower.EndsWith("us", System.StringComparison.Ordinal) && !PluralsOfU.Contains(lower)))
        {
            return name;
        }

        var cut = Ending(lower);
        return stem + word.Substring(0, word.Length - cut.Drop) + cut.Add;
    }

    /// <summary>How many letters the plural ending takes off, and what the singular puts back.</summary>
    private static (int Drop, string Add) Ending(string lower)
    {
        foreach (var (plural, singular) in LatinEndings)
        {
            if (lower.EndsWith(plural, System.StringComparison.Ordinal) && lower.Length > plural.Length)
            {
                return (plural.Length, singular);
            }
        }

        if (lower.EndsWith("uses", System.StringComparison.Ordinal))
        {
            // Statuses -> Status, Buses -> Bus; Causes -> Cause, Uses -> Use.
            return LatinUs.Contains(lower.Substring(0, lower.Length - 2)) ? (2, string.Empty) : (1, string.Empty);
        }

        if (lower.EndsWith("ies", System.StringComparison.Ordinal) && lower.Length > 4 && !PluralsOfIe.Contains(lower))
        {
            return (3, "y");
        }

        // Addresses, Boxes, Matches, Hashes, Buzzes; but Caches and Niches end in "che".
        if (lower.EndsWith("sses", System.StringComparison.Ordinal) || lower.EndsWith("xes", System.StringComparison.Ordinal)
            || lower.EndsWith("shes", System.StringComparison.Ordinal) || lower.EndsWith("zzes", System.StringComparison.Ordinal)
            || (lower.EndsWith("ches", System.StringComparison.Ordinal) && !lower.EndsWith("caches", System.StringComparison.Ordinal)
                && !(lower.EndsWith("aches", System.StringComparison.Ordinal) && AcheWord(lower)) && !PluralsOfChe.Contains(lower)))
        {
            return (2, string.Empty);
        }

        return (1, string.Empty);
    }

    /// <summary>Headaches, Earaches, Aches: words in -ache (Coaches and Reaches are not).</summary>
    private static bool AcheWord(string lower) =>
        lower == "aches" || lower.EndsWith("headaches", System.StringComparison.Ordinal) || lower.EndsWith("earaches", System.StringComparison.Ordinal)
        || lower.EndsWith("toothaches", System.StringComparison.Ordinal) || lower.EndsWith("backaches", System.StringComparison.Ordinal)
        || lower.EndsWith("stomachaches", System.StringComparison.Ordinal) || lower.EndsWith("heartaches", System.StringComparison.Ordinal)
        || lower.EndsWith("moustaches", System.StringComparison.Ordinal) || lower.EndsWith("mustaches", System.StringComparison.Ordinal)
        || lower.EndsWith("panaches", System.StringComparison.Ordinal) || lower.EndsWith("gouaches", System.StringComparison.Ordinal);

    /// <summary>Plurals of words in -che other than -ache.</summary>
    private static readonly HashSet<string> PluralsOfChe = new(System.StringComparer.Ordinal)
    {
        "niches", "cliches", "quiches", "avalanches", "psyches", "creches", "fiches", "microfiches", "brioches",
        "douches", "pastiches", "cloches", "tranches",
    };

    /// <summary>Plurals of words in -i, which end in -is like Analysis.</summary>
    private static readonly HashSet<string> PluralsOfI = new(System.StringComparer.Ordinal)
    {
        "taxis", "wikis", "kiwis", "emojis", "skis", "minis", "safaris", "bikinis", "martinis", "alibis", "yetis",
        "maxis", "semis", "khakis", "salamis", "tsunamis", "delis", "rabbis",
    };

    private static readonly HashSet<string> Uncountable = new(System.StringComparer.Ordinal)
    {
        "news", "series", "species", "analytics", "statistics", "diagnostics", "logistics", "economics", "physics",
        "metadata", "data", "media", "equipment", "information", "feedback", "software", "hardware",
    };

    private static readonly Dictionary<string, string> Irregular = new(System.StringComparer.Ordinal)
    {
        ["people"] = "person", ["children"] = "child", ["men"] = "man", ["women"] = "woman", ["criteria"] = "criterion",
        ["phenomena"] = "phenomenon", ["indices"] = "index", ["matrices"] = "matrix", ["vertices"] = "vertex",
        ["appendices"] = "appendix", ["feet"] = "foot", ["teeth"] = "tooth", ["mice"] = "mouse", ["geese"] = "goose",
    };

    /// <summary>Plural endings of Greek and Latin -is words: Analyses, Hypotheses, Diagnoses, Crises, Synopses.</summary>
    private static readonly (string Plural, string Singular)[] LatinEndings =
    {
        ("yses", "ysis"), ("theses", "thesis"), ("gnoses", "gnosis"), ("crises", "crisis"), ("opses", "opsis"),
    };

    /// <summary>Singulars in -us whose plural adds -es (the word before "es").</summary>
    private static readonly HashSet<string> LatinUs = new(System.StringComparer.Ordinal)
    {
        "status", "bus", "campus", "virus", "bonus", "census", "consensus", "focus", "corpus", "radius", "syllabus",
        "stimulus", "prospectus", "apparatus", "nexus", "surplus", "genus", "circus", "chorus", "cactus", "fungus",
        "nucleus", "octopus", "hiatus", "lotus", "walrus", "minus", "plus", "thesaurus", "sinus", "abacus", "exodus",
    };

    /// <summary>Plurals of words in -u, which end in -us like the singulars above.</summary>
    private static readonly HashSet<string> PluralsOfU = new(System.StringComparer.Ordinal)
    {
        "menus", "gurus", "emus", "haikus", "tutus", "gnus", "tofus", "skus", "cpus", "gpus", "vpus", "npus", "tpus", "apus", "pdus", "mtus", "sdus",
    };

    /// <summary>Plurals of words in -ie, which end in -ies like those of words in -y.</summary>
    private static readonly HashSet<string> PluralsOfIe = new(System.StringComparer.Ordinal)
    {
        "movies", "cookies", "zombies", "calories", "rookies", "selfies", "hoodies", "brownies", "genies", "freebies",
        "goalies", "smoothies", "sorties", "aunties", "pies", "ties", "lies", "dies", "hippies", "newbies", "yuppies",
        "lingeries", "prairies", "eyries", "rotisseries", "coteries", "reveries", "menageries", "boogies", "bookies",
    };

    /// <summary>
    /// The parameter that carries an uploaded file's name: <c>fileName</c> for a field named <c>file</c>,
    /// <c>csvFileName</c> for <c>csvFile</c>, <c>attachmentFileName</c> for <c>attachment</c>; never <c>fileFileName</c>.
    /// </summary>
    public static string FileNameParameter(string field)
    {
        var bare = field.TrimStart('@');
        return bare == "file" || bare.EndsWith("File", System.StringComparison.Ordinal) ? bare + "Name" : bare + "FileName";
    }

    private static char[] Separators(string name)
    {
        var separators = new List<char>();
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && !separators.Contains(c))
            {
                separators.Add(c);
            }
        }

        return separators.ToArray();
    }

    private static bool IsAllUpper(string segment)
    {
        var letters = 0;
        foreach (var c in segment)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters > 0;
    }

    /// <summary>camelCase for parameters and locals, escaped with @ when it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Splits a PascalCase identifier into its words.</summary>
    public static List<string> Words(string pascal)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                words.Add(pascal.Substring(start, i - start));
                start = i;
            }
        }

        words.Add(pascal.Substring(start));
        return words;
    }
}

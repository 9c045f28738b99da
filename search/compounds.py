"""Norwegian compounds: "kreft" finds "brystkreft", "hofte" finds "hofteprotese".

Norwegian writes compounds as one word, and neither PostgreSQL's Norwegian stemmer nor SQLite's
FTS5 splits them, while patients type the part they know. No maintained decompounding library
covers Norwegian, so the dictionary of parts is the site's own vocabulary (page and treatment
titles, treatment summaries and diagnosis names): a word splits into known words, optionally
joined by the linking letters "s" or "e" (tykktarm-s-kreft, barn-e-lege), with at most one
unknown part of five letters or more. The map of part → compounds is built by the vocabulary
task (search/tasks.py), never in a visitor's request.

Nothing here touches the database, so the rules are cheap to test exhaustively.
"""

from core.text import fold

MIN_PART = 3
MIN_UNKNOWN_PART = 5
LINKING = ("", "s", "e")
# Expansions per query word: enough for every kind of cancer, bounded for the query size.
MAX_EXPANSIONS = 30


def split(word, parts):
    """The parts of `word` (folded), or None when it is no compound of known words.

    `parts` is a set of folded words. Of the possible splits the one with fewest unknown parts,
    then fewest parts, wins; the whole word is never its own part.
    """
    word = fold(word)
    best = {0: (0, 0, [])}  # position -> (unknown parts, parts, the parts)
    for start in range(len(word)):
        if start not in best:
            continue
        unknown, count, found = best[start]
        for end in range(start + MIN_PART, len(word) + 1):
            piece = word[start:end]
            if piece == word:
                continue
            is_known = piece in parts
            if not is_known and (len(piece) < MIN_UNKNOWN_PART or unknown):
                continue
            for link in LINKING:
                after = end + len(link)
                if after > len(word) or word[end:after] != link:
                    continue
                if link and after == len(word):
                    continue
                candidate = (unknown + (not is_known), count + 1, [*found, piece])
                if after not in best or candidate[:2] < best[after][:2]:
                    best[after] = candidate
    unknown, count, found = best.get(len(word), (0, 0, []))
    if count < 2 or unknown == count:
        return None
    return found


def compound_map(words, parts):
    """{folded part: [compounds containing it]} for the compounds among `words`."""
    table = {}
    for word in sorted(set(words), key=lambda word: (len(word), word)):
        for part in split(word, parts) or ():
            compounds = table.setdefault(part, [])
            if word not in compounds and len(compounds) < MAX_EXPANSIONS:
                compounds.append(word)
    return table

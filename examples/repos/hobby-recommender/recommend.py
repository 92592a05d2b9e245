import collections


def co_purchases(orders):
    counts = collections.Counter()
    for order in orders:
        for a in order:
            for b in order:
                if a != b:
                    counts[(a, b)] += 1
    return counts

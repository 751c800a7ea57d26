#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace objectivity::core {

// The evidence the schools' own marks give about a procedure's mark boundaries: at each primary
// score, how many schools give each mark most often there (one vote per school, so neither one odd
// mark nor one big school moves a boundary; a tie gives no vote). Built from the units'
// `primaryMarks` ((primary << 3) | mark, sorted).
class MarkVotes {
public:
    MarkVotes(const std::vector<const std::vector<std::uint16_t> *> &units, int maxPrimary);

    int votes(int score, int mark) const {
        return score < 0 || score > m_top || mark < 2 || mark > 5
                   ? 0
                   : m_votes[static_cast<std::size_t>(score * 6 + mark)];
    }
    // Votes that contradict the boundary of «k» placed at b: «k» or more below b, less than «k»
    // at b or above.
    int contradicting(int k, int b) const;
    // Boundaries minFor[3..5] that the fewest votes contradict, each on its own (among equal
    // choices the highest b: the lowest score where schools actually give «k»); 0 where the votes
    // cannot tell (no vote for «k» or more, or not above the previous boundary).
    std::array<int, 6> boundaries() const;

    // How the votes at the scores between a boundary `given` and another one `other` side:
    // `forOther` votes agree with `other` and not with `given`, `forGiven` the reverse.
    struct Dispute {
        int forOther = 0;
        int forGiven = 0;
    };
    Dispute dispute(int k, int given, int other) const;

private:
    int m_top = 0;
    std::vector<int> m_votes; // [score * 6 + mark]
};

} // namespace objectivity::core

#pragma once
// UCINET's DL files into a NetworkBuilder: the header (DL N=, FORMAT=, LABELS: or LABELS
// EMBEDDED, DIAGONAL PRESENT|ABSENT, DATA:) and the data as FULLMATRIX, EDGELIST1 or NODELIST1,
// separated by blanks or commas, labels quoted or bare. Ties are directed, as UCINET's matrices
// are; a nonzero cell or a listed pair is a tie, with its value as the weight when it has one.
// Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Whether the first line reads as a DL header: the DL keyword, then something = something.
bool looks_like_ucinet(const std::string& content);

// Throws DataError at the first word that is not what the header or the format expects; two-mode
// (NR, NC) and several matrices (NM > 1) are refused with the reason.
void read_ucinet(const SourceTextPtr& source, NetworkBuilder& builder);

} // namespace tg

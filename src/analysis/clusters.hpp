#pragma once
// Which box of a diagram each entity is drawn in, so that a reader sees the interagency network
// of one country, or the gangs apart from the terrorist groups, at a glance.
//   country    a state is its country; another entity's is the one state it is located in or
//              part of (through cities and regions: Panama City -> Panama), or the one state
//              that leads it; none when that gives no state or more than one
//   domain     the entity's first listed threat domain
//   kind       the root of the entity's kind (gangs and cartels are threat actors)
//   community  its Louvain community (seed 0)
//   otherwise  the value of the entity attribute of that name (a faction column of --nodes)
// A box of fewer than two entities is no box: its entity is drawn outside every box.
#include "analysis/view.hpp"

#include <string>
#include <vector>

namespace tg {

// A label per vertex, empty for no box (and for inactive vertices). Throws DataError when the
// rule cannot apply to the view: country or domain on a graph without states or domains, an
// attribute no entity has.
std::vector<std::string> clusters_by(const View& view, const std::string& rule);

} // namespace tg

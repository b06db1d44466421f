# %% [markdown]
# # The proceedings' network from Python
#
# A notebook in plain Python (`# %%` cells open in Jupyter, VS Code or Spyder; it also runs as a
# script: `PYTHONPATH=build/python python3 examples/notebook.py graph-data`). threatgraph loads
# the sourced graph, runs its analyses, and hands over to NetworkX and back, evidence included.

# %%
import sys

import networkx as nx
import threatgraph

data = sys.argv[1] if len(sys.argv) > 1 else "graph-data"
g = threatgraph.load(data, quotes=False)
print(f"{g.entity_count} entities, {g.relation_count} relations, directed: {g.directed}")

# %% [markdown]
# ## Who brokers the network?
# Betweenness as NetworkX computes it; the result is what `threatgraph centrality --format json` prints.

# %%
ranking = g.centrality("betweenness", top=5)
for row in ranking["results"]:
    print(f"{row['score']:.4f}  {row['name']}")

# %% [markdown]
# ## The most credible chain from the FARC to Hezbollah, with the evidence behind each link

# %%
chain = g.paths(from_="FARC", to="Hezbollah")["paths"][0]
print(" -> ".join(chain["nodes"]), f"(confidence {chain['confidence']:.3f})")
for relation in chain["relations"]:
    print(f"  {relation['source']} {relation['type']} {relation['target']}: {relation['evidence'][0]['paraphrase']}")

# %% [markdown]
# ## Every statement of the query language, as a method or as text

# %%
players = g.keyplayers(3)  # KEYPLAYERS 3: the argument first, then any clause
print("key players:", ", ".join(p["name"] for p in players["set"]), f"(fragmentation {players['score']:.3f})")
g.query("LET threats = SELECT ENTITIES WHERE kind = threat_actor")
threats = g.structure(in_="threats")
print(f"threat actors: {threats['entities']}, in {threats['weak_components']} components")

# %% [markdown]
# ## Into NetworkX, and back
# Nodes keep their names, kinds, aliases and evidence; relations their types, confidences and
# evidence. With the graph-data folder, the graph comes back whole.

# %%
G = g.to_networkx()
print(G.nodes["farc"]["name"], "-", G.nodes["farc"]["evidence"][0]["paraphrase"])
print("NetworkX's densest 3-core:", sorted(nx.k_core(nx.Graph(G), 3).nodes)[:5], "...")
back = threatgraph.from_networkx(G, data=data)
assert back.centrality("betweenness", top=5) == ranking
print("back from NetworkX:", back.entity_count, "entities, the same betweenness")

-- The knowledge base search, ranked in the inner query so that only the page's articles pay for
-- their snippets. Read by KnowledgeSearch and by bench/knowledge-search.sh, which times this very text.
select a.id, a.title,
       ts_headline(cast(:language as regconfig), a.body, websearch_to_tsquery(cast(:language as regconfig), :q),
                   'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10'),
       array_to_string(a.tags, E'\x1f'), hit.rank, a.views
from (select k.id, k.views, ts_rank_cd(k.search, websearch_to_tsquery(cast(:language as regconfig), :q)) as rank
      from knowledge_articles k
      where k.search @@ websearch_to_tsquery(cast(:language as regconfig), :q)
        and k.language = :language
        and (k.published or not :publishedOnly)
      order by rank desc, k.views desc, k.id
      limit :limit) hit
join knowledge_articles a on a.id = hit.id
order by hit.rank desc, hit.views desc, a.id

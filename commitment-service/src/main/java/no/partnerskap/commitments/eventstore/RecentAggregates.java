package no.partnerskap.commitments.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregates used most recently, kept in memory so that a command on a busy commitment does
 * not read its events again. Bounded: the least recently used is forgotten first. Whether an
 * entry is still current is checked before each command by {@link FreshAggregates}.
 */
final class RecentAggregates implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;

    RecentAggregates(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A capacity of 0 means no aggregate is kept: the repositories go without a cache. */
    boolean isOff() {
        return capacity <= 0;
    }

    /** How many aggregates are held. */
    synchronized int size() {
        return entries.size();
    }

    /** The version (last sequence number) of the cached aggregate, or null when it is not cached. */
    Long cachedVersion(String aggregateId) {
        Object entry = get(aggregateId);
        // an in-memory entry holds the live aggregate, so recreating it only hands that back
        return entry instanceof AggregateCacheEntry<?> cached
                ? cached.recreateAggregate(null, null, null, null).version() : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}

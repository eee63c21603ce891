package vn.gems.common.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A timestamped entity with an optimistic-lock version (column {@code version}); the version is also its
 * ETag ({@link vn.gems.common.http.ETags}).
 */
@MappedSuperclass
public abstract class VersionedEntity extends TimestampedEntity {

    @Version
    public long version;
}

package org.grassroots.assessment.server.visit;

import java.time.LocalDateTime;
import java.util.List;
import org.grassroots.assessment.model.GeoLocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The time and place visit photos embed (table {@code visit_photo}), one row per photo that carried either. */
@Repository
public class VisitPhotoRepository {

    private final JdbcClient jdbc;

    VisitPhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores what the photos of a stored visit say (those that say nothing are skipped). */
    @Transactional
    public void save(String visitId, List<VisitPhoto> photos) {
        for (VisitPhoto p : photos) {
            if (!p.saysAnything()) {
                continue;
            }
            jdbc.sql("insert into visit_photo (visit_id, name, taken_at, latitude, longitude) values (?, ?, ?, ?, ?)")
                    .params(visitId, p.name(), p.takenAt(), p.location() == null ? null : p.location().lat(),
                            p.location() == null ? null : p.location().lon())
                    .update();
        }
    }

    /** The photos of the visit that carried a time or a place, by name. */
    @Transactional(readOnly = true)
    public List<VisitPhoto> of(String visitId) {
        return jdbc.sql("select name, taken_at, latitude, longitude from visit_photo where visit_id = ? order by name")
                .param(visitId).query((rs, n) -> {
                    Double lat = rs.getObject("latitude", Double.class);
                    Double lon = rs.getObject("longitude", Double.class);
                    return new VisitPhoto(rs.getString("name"), rs.getObject("taken_at", LocalDateTime.class),
                            lat == null || lon == null ? null : new GeoLocation(lat, lon));
                }).list();
    }
}

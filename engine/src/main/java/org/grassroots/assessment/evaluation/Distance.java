package org.grassroots.assessment.evaluation;

import org.grassroots.assessment.model.GeoLocation;

/**
 * The distance between two points on the ground, for the planning rules ({@code import function}):
 * no policy, only geometry. The haversine formula on a sphere of the Earth's mean radius is written
 * out here rather than taken from a geodesy library: it is five lines, and at the few hundred metres
 * the rules compare its error (under 0.5 %) is far below a phone's GPS error.
 */
public final class Distance {

    /** The Earth's mean radius (IUGG), in metres. */
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Distance() {
    }

    /** Metres between the two points along the surface, rounded to whole metres. */
    public static long metresBetween(GeoLocation a, GeoLocation b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}

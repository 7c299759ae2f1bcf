package org.grassroots.assessment.model;

public record GeoLocation(double lat, double lon) {
}

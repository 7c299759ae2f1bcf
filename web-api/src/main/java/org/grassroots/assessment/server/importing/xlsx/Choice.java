package org.grassroots.assessment.server.importing.xlsx;

/**
 * One value of an enumerated column: what the bundle holds ({@code VILLAGE}) and what the
 * workbook shows ({@code 村}).
 */
public record Choice(String value, String label) {
}

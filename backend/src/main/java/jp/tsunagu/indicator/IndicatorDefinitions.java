package jp.tsunagu.indicator;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Shared indicator definitions, the links of indicators to them, and cities' older populations: plain SQL, as the
 * comparison reads across plans and cities in one statement each.
 */
@ApplicationScoped
class IndicatorDefinitions {

    /** An indicator linked to a definition, with where it belongs. */
    record Linked(String indicatorCode, String indicatorName, String unit, String planCode, String planTitle,
                  long cityId, String cityCode, String cityName) {
    }

    private final AgroalDataSource dataSource;

    IndicatorDefinitions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String COLUMNS = """
            select d.code, d.name, d.unit, d.description, (select count(*) from indicator i where i.definition_id = d.id)
            from indicator_definition d""";

    List<IndicatorDefinitionDto> list() {
        return query(COLUMNS + " order by d.code", null);
    }

    Optional<IndicatorDefinitionDto> find(String code) {
        return query(COLUMNS + " where d.code = ?", code).stream().findFirst();
    }

    private List<IndicatorDefinitionDto> query(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (code != null) {
                s.setString(1, code);
            }
            List<IndicatorDefinitionDto> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndicatorDefinitionDto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a definition; false when its code is taken. */
    boolean create(CreateIndicatorDefinitionRequest r, String actor) {
        return update("""
                insert into indicator_definition (code, name, unit, description, created_by) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""", r.code(), r.name(), r.unit(), r.description(), actor) == 1;
    }

    /** Links the indicator to the definition (or unlinks it with null); false when there is no such indicator. */
    boolean link(String indicatorCode, String definitionCode) {
        return update("update indicator set definition_id = (select id from indicator_definition where code = ?) where code = ?",
                definitionCode, indicatorCode) == 1;
    }

    /** The code of the definition the indicator is linked to, if any. */
    Optional<String> definitionOf(long indicatorId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select d.code from indicator i join indicator_definition d on d.id = i.definition_id where i.id = ?")) {
            s.setLong(1, indicatorId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a city's older population for a fiscal year (replacing what was there). */
    void putOlderPopulation(long areaId, int fiscalYear, int population, String actor) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into older_population (area_id, fiscal_year, population, updated_by) values (?, ?, ?, ?)
                on conflict (area_id, fiscal_year) do update set population = excluded.population, updated_at = now(),
                    updated_by = excluded.updated_by""")) {
            s.setLong(1, areaId);
            s.setInt(2, fiscalYear);
            s.setInt(3, population);
            s.setString(4, actor);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    OptionalInt olderPopulation(long areaId, int fiscalYear) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select population from older_population where area_id = ? and fiscal_year = ?")) {
            s.setLong(1, areaId);
            s.setInt(2, fiscalYear);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The indicators linked to the definition, by city and plan. */
    List<Linked> linked(String definitionCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select i.code, i.name, i.unit, p.code, p.title, a.id, a.code, a.name
                from indicator i join indicator_definition d on d.id = i.definition_id
                join plan_node n on n.id = i.node_id join plan p on p.id = n.plan_id join area a on a.id = p.city_id
                where d.code = ? order by a.code, p.code, i.code""")) {
            s.setString(1, definitionCode);
            List<Linked> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Linked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

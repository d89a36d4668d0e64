package jp.tsunagu.survey;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.indicator.Indicator;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
class SurveyRepository implements PanacheRepositoryBase<Survey, Long> {

    Optional<Survey> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Newest fiscal year first. */
    List<Survey> listNewestFirst() {
        return list("order by fiscalYear desc, code");
    }

    /** Other surveys of the same fiscal year that already turn their shares into this indicator's actual. */
    List<Survey> othersFeeding(Indicator indicator, int fiscalYear, Survey except) {
        return list("feedsIndicator = ?1 and fiscalYear = ?2 and id <> ?3", indicator, fiscalYear, except.id);
    }

    /** Surveys that compare themselves with this one lose their default reference when it goes. */
    void forgetAsReference(Survey survey) {
        update("reference = null where reference = ?1", survey);
    }

    long countIn(Area area) {
        return count("area", area);
    }
}

package jp.tsunagu.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SupportActivityRepository implements PanacheRepositoryBase<SupportActivity, Long> {
}

package org.grassroots.assessment.server;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;

/**
 * Database errors mean the same whether JDBC or Hibernate met them: Hibernate's JDBC exceptions go
 * through Spring's SQL error-code translator, as the JDBC repositories' do, so a unique-key violation
 * is a {@code DuplicateKeyException} (409) on both paths, not a bare data-integrity error.
 */
@Configuration(proxyBeanMethods = false)
public class JpaExceptionTranslation {

    @Bean
    static BeanPostProcessor sqlErrorCodesForHibernate() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof LocalContainerEntityManagerFactoryBean factory
                        && factory.getJpaDialect() instanceof HibernateJpaDialect dialect) {
                    dialect.setJdbcExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(factory.getDataSource()));
                }
                return bean;
            }
        };
    }
}

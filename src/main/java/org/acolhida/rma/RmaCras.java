package org.acolhida.rma;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.acolhida.monthlyreport.Figure;
import org.acolhida.monthlyreport.MonthlyCount;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The RMA of a CRAS ({@code rma-cras}): the Registro Mensal de Atendimentos that every Brazilian CRAS
 * sends the ministry each month, counted from the unit's cases where the workflow knows the answer.
 * <p>
 * Codes, blocks and names as in the official form: Ministério da Cidadania, SNAS, "Registro Mensal de
 * Atendimentos – CRAS: Manual de instruções para o registro das informações especificadas na Resolução
 * nº 04/2011 alterada pela Resolução nº 20/2013 da CIT" (Brasília, August 2022; form as changed by
 * Resolução CIT nº 2/2017). Blocks A–C are the PAIF and the individual attendances; block D the
 * collective ones.
 * <p>
 * What each counted item counts (see {@link RmaQueries}): A.1 families whose latest listening at the
 * unit has them in the PAIF; A.2 families first put into it this month, and B.1/B.2/B.4 those of A.2
 * in extreme poverty (income per person at most {@code acolhida.rma.extreme-poverty-line}), with Bolsa
 * Família, with a member receiving the BPC; C.1 listenings, follow-up interviews and documentation
 * orientations completed; C.2–C.5 the families referred this month for inclusion in or update of the
 * Cadastro Único, for the BPC (one per family: the listening asks whether any member lacks it, not
 * how many), and to the CREAS; D.6 people in literacy or vocational classes. Everything else the
 * coordinator fills in.
 */
@Component
class RmaCras implements MonthlyCount {

	static final String REPORT = "rma-cras";

	private final RmaQueries queries;

	private final BigDecimal extremePovertyLine;

	/**
	 * @param extremePovertyLine the monthly income per person, in reais, up to which a family is in
	 * extreme poverty; the federal line changes by decree, so it is a setting
	 */
	RmaCras(RmaQueries queries, @Value("${acolhida.rma.extreme-poverty-line:109.00}") BigDecimal extremePovertyLine) {
		this.queries = queries;
		this.extremePovertyLine = extremePovertyLine;
	}

	@Override
	public String report() {
		return REPORT;
	}

	@Override
	public boolean reportsFor(ServiceUnit unit) {
		return unit.getKind() == UnitKind.CRAS && "BR".equals(unit.getCountry());
	}

	@Override
	public List<Figure> count(ServiceUnit unit, YearMonth month) {
		return List.of(
				queries.familiesInPaif(unit, month).as("A.1", "A", "Total de famílias em acompanhamento pelo PAIF"),
				queries.newFamiliesInPaif(unit, month).as("A.2", "A",
						"Novas famílias inseridas no acompanhamento do PAIF durante o mês de referência"),
				queries.newFamiliesInPaifAtMost(unit, month, extremePovertyLine).as("B.1", "B",
						"Famílias em situação de extrema pobreza"),
				queries.newFamiliesInPaif(unit, month, "l.bolsa_familia = TRUE").as("B.2", "B",
						"Famílias beneficiárias do Programa Bolsa Família"),
				Figure.toFill("B.3", "B",
						"Famílias beneficiárias do Programa Bolsa Família, em descumprimento de condicionalidades"),
				queries.newFamiliesInPaif(unit, month, "l.bpc_received = TRUE").as("B.4", "B",
						"Famílias com membros beneficiários do Benefício de Prestação Continuada (BPC)"),
				Figure.toFill("B.5", "B", "Famílias com crianças ou adolescentes em situação de trabalho infantil"),
				Figure.toFill("B.6", "B", "Famílias com crianças ou adolescentes em Serviço de Acolhimento"),
				queries.attendances(unit, month).as("C.1", "C",
						"Total de atendimentos particularizados realizados, no mês de referência"),
				queries.referred(unit, month, List.of("CADUNICO_INCLUSION")).as("C.2", "C",
						"Famílias encaminhadas para inclusão no Cadastro Único"),
				queries.referred(unit, month, List.of("CADUNICO_UPDATE")).as("C.3", "C",
						"Famílias encaminhadas para atualização cadastral no Cadastro Único"),
				queries.referred(unit, month, List.of("BPC")).as("C.4", "C", "Indivíduos encaminhados para acesso ao BPC"),
				queries.referred(unit, month, List.of("CREAS")).as("C.5", "C", "Famílias encaminhadas para o CREAS"),
				Figure.toFill("C.6", "C", "Visitas domiciliares realizadas"),
				Figure.toFill("C.7", "C", "Total de auxílios-natalidade concedidos/entregues durante o mês de referência"),
				Figure.toFill("C.8", "C", "Total de auxílios-funeral concedidos/entregues durante o mês de referência"),
				Figure.toFill("C.9", "C", "Outros benefícios eventuais concedidos/entregues durante o mês de referência"),
				Figure.toFill("D.1", "D", "Famílias participando regularmente de grupos no âmbito do PAIF"),
				Figure.toFill("D.2", "D", "Crianças de 0 a 6 anos em Serviços de Convivência e Fortalecimento de Vínculos"),
				Figure.toFill("D.3", "D",
						"Crianças/adolescentes de 7 a 14 anos em Serviços de Convivência e Fortalecimento de Vínculos"),
				Figure.toFill("D.4", "D",
						"Adolescentes de 15 a 17 anos em Serviços de Convivência e Fortalecimento de Vínculos"),
				Figure.toFill("D.5", "D", "Idosos em Serviços de Convivência e Fortalecimento de Vínculos"),
				queries.inClasses(unit, month).as("D.6", "D",
						"Pessoas que participaram de palestras, oficinas e outras atividades coletivas de caráter não continuado"),
				Figure.toFill("D.7", "D",
						"Pessoas com deficiência, participando dos Serviços de Convivência e Fortalecimento de Vínculos ou dos grupos do PAIF"));
	}

}

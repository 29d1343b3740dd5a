package org.acolhida.rma;

import java.time.YearMonth;
import java.util.List;

import org.acolhida.monthlyreport.Figure;
import org.acolhida.monthlyreport.MonthlyCount;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitKind;
import org.springframework.stereotype.Component;

/**
 * The RMA of a CREAS ({@code rma-creas}), counted from the unit's cases where the workflow knows the
 * answer; a case a CREAS owns is a case it follows in the PAEFI.
 * <p>
 * Codes and names of blocks A, B and M as in the official form: MDS, SNAS, "Registro Mensal de
 * Atendimentos – CREAS: Manual de instruções ... Resolução nº 04/2011 alterada pela Resolução nº
 * 20/2013 da CIT" (Versão preliminar 1.2, Brasília, September 2018). The profile items G.1 (victims of
 * trafficking), I.1 (people living on the street) and K.6 (migrants) carry the codes issue 17 gives
 * them; the manual's tables by age and sex were not readable here, so the coordinator checks those
 * three codes against the form in use before the first report is sent.
 * <p>
 * What each counted item counts (see {@link RmaQueries}): A.1 cases at the unit during the month; A.2
 * cases that came to it in the month (opened there or transferred to it), and B.1/B.2, G.1, I.1 and
 * K.6 those of A.2 whose latest listening says Bolsa Família, a member with the BPC, a victim of
 * trafficking, sleeping rough; every case here is a migrant household (K.6 = A.2); M.1 listenings,
 * follow-up interviews and documentation orientations completed; M.3 cases referred to the CRAS
 * (Cadastro Único, BPC) in the month.
 */
@Component
class RmaCreas implements MonthlyCount {

	static final String REPORT = "rma-creas";

	private final RmaQueries queries;

	RmaCreas(RmaQueries queries) {
		this.queries = queries;
	}

	@Override
	public String report() {
		return REPORT;
	}

	@Override
	public boolean reportsFor(ServiceUnit unit) {
		return unit.getKind() == UnitKind.CREAS && "BR".equals(unit.getCountry());
	}

	@Override
	public List<Figure> count(ServiceUnit unit, YearMonth month) {
		return List.of(
				queries.casesFollowed(unit, month).as("A.1", "A",
						"Total de casos (famílias ou indivíduos) em acompanhamento pelo PAEFI"),
				queries.newCases(unit, month, "TRUE").as("A.2", "A",
						"Novos casos (famílias ou indivíduos) inseridos no acompanhamento do PAEFI, durante o mês de referência"),
				queries.newCases(unit, month, "l.bolsa_familia = TRUE").as("B.1", "B",
						"Famílias beneficiárias do Programa Bolsa Família"),
				queries.newCases(unit, month, "l.bpc_received = TRUE").as("B.2", "B",
						"Famílias com membros beneficiários do BPC"),
				Figure.toFill("B.3", "B", "Famílias com crianças ou adolescentes em situação de trabalho infantil"),
				Figure.toFill("B.4", "B", "Famílias com crianças ou adolescentes em Serviço de Acolhimento"),
				Figure.toFill("B.5", "B",
						"Famílias cuja situação de violência/violação esteja associada ao uso abusivo de substâncias psicoativas"),
				Figure.toFill("B.6", "B", "Famílias com adolescente em cumprimento de Medidas Socioeducativas"),
				queries.newCases(unit, month, "l.trafficking_victim = TRUE").as("G.1", "G",
						"Pessoas vítimas de tráfico de pessoas"),
				queries.newCases(unit, month, "l.sleeping_rough = TRUE").as("I.1", "I", "Pessoas em situação de rua"),
				queries.newCases(unit, month, "TRUE").as("K.6", "K", "Migrantes"),
				queries.attendances(unit, month).as("M.1", "M",
						"Total de atendimentos individualizados realizados, no mês de referência"),
				Figure.toFill("M.2", "M", "Total de atendimentos em grupo realizados, no mês de referência"),
				queries.referred(unit, month, List.of("CADUNICO_INCLUSION", "CADUNICO_UPDATE", "BPC")).as("M.3", "M",
						"Famílias ou indivíduos encaminhados para o CRAS, no mês de referência"),
				Figure.toFill("M.4", "M", "Visitas domiciliares realizadas"));
	}

}

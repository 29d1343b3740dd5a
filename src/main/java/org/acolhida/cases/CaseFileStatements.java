package org.acolhida.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case file's reads and writes that a process step makes often, each in as few statements as it
 * needs, next to the aggregate's repository ({@link CaseFileRepository}), which reads all four tables
 * and rewrites every child row on each save. Every write here moves the case file's version on, so
 * that an aggregate read before it can no longer be saved over it.
 * <p>
 * A summary read in a transaction is kept until the transaction ends or the case is written: one
 * engine command often reads the same case several times (a worker's answer that starts three
 * called processes, each checked by {@link CaseStartGuard} and each loading the case), and within a
 * transaction the second read would find what the first found, unless this transaction wrote it.
 */
@Repository
class CaseFileStatements {

	private final JdbcClient db;

	CaseFileStatements(JdbcClient db) {
		this.db = db;
	}

	/** The case and its household, in one statement, unless this transaction read it already. */
	Optional<CaseSummary> summary(String caseNumber) {
		Map<String, CaseSummary> read = readInTransaction();
		CaseSummary known = read == null ? null : read.get(caseNumber);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<CaseSummary> found = select(caseNumber);
		if (read != null) {
			found.ifPresent(summary -> read.put(caseNumber, summary));
		}
		return found;
	}

	/** Drops what this transaction read of the case: it is being written. */
	void forget(String caseNumber) {
		Map<String, CaseSummary> read = readInTransaction();
		if (read != null) {
			read.remove(caseNumber);
		}
	}

	private Optional<CaseSummary> select(String caseNumber) {
		List<CaseSummary> header = new ArrayList<>(1);
		List<Member> members = new ArrayList<>();
		db.sql("""
				SELECT f.id, f.version, f.case_number, f.owning_unit, f.status, f.district, f.interpreter_needed,
				       m.member_no, m.relation, m.given_name, m.family_name, m.birth_date, m.nationality, m.languages
				  FROM case_file f LEFT JOIN case_member m ON m.case_file = f.id
				 WHERE f.case_number = ?
				 ORDER BY m.member_no
				""").param(caseNumber).query((ResultSet row) -> {
			if (header.isEmpty()) {
				header.add(new CaseSummary(row.getLong("id"), row.getInt("version"), row.getString("case_number"),
						row.getString("owning_unit"), CaseStatus.valueOf(row.getString("status")),
						row.getString("district"), row.getBoolean("interpreter_needed"), List.of()));
			}
			int memberNo = row.getInt("member_no");
			if (!row.wasNull()) {
				members.add(member(row, memberNo));
			}
		});
		return header.stream().findFirst().map(h -> h.withMembers(members));
	}

	/**
	 * Other cases, not merged into another, where someone holds a document with the number of one held
	 * in this case, then those with a person of the same name, birth date and nationality as one of
	 * this case's members (in member order), each group by case number; in one statement, which also
	 * says whether the case exists (empty if it does not).
	 */
	Optional<List<String>> possibleDuplicates(String caseNumber) {
		List<String> found = new ArrayList<>();
		boolean[] exists = { false };
		db.sql("""
				SELECT me.case_number, 0 AS found_by, 0 AS member_no FROM case_file me WHERE me.case_number = :caseNumber
				UNION
				SELECT c.case_number, 1, 0
				  FROM case_file me
				  JOIN member_document mine ON mine.case_file = me.id
				  JOIN member_document d ON d.number_key = mine.number_key
				  JOIN case_file c ON c.id = d.case_file
				 WHERE me.case_number = :caseNumber AND c.case_number <> :caseNumber AND c.merged_into IS NULL
				UNION
				SELECT c.case_number, 2, mine.member_no
				  FROM case_file me
				  JOIN case_member mine ON mine.case_file = me.id
				  JOIN case_member m ON m.birth_date = mine.birth_date
				       AND LOWER(m.given_name) = LOWER(mine.given_name) AND LOWER(m.family_name) = LOWER(mine.family_name)
				       AND LOWER(m.nationality) = LOWER(mine.nationality)
				  JOIN case_file c ON c.id = m.case_file
				 WHERE me.case_number = :caseNumber AND c.case_number <> :caseNumber AND c.merged_into IS NULL
				 ORDER BY 2, 3, 1
				""").param("caseNumber", caseNumber).query((ResultSet row) -> {
			if (row.getInt("found_by") == 0) {
				exists[0] = true;
			}
			else {
				found.add(row.getString("case_number"));
			}
		});
		Set<String> distinct = new LinkedHashSet<>(found);
		return exists[0] ? Optional.of(List.copyOf(distinct)) : Optional.empty();
	}

	/**
	 * Replaces every member but the reference person, and their documents, if the case file is still
	 * at the version the summary was read at; fails with {@link OptimisticLockingFailureException}
	 * otherwise, as a save of the aggregate would. Only the rows of the household change: a case
	 * without other members has nothing to delete.
	 */
	void replaceHousehold(CaseSummary read, List<Member> others, List<MemberDocument> othersDocuments) {
		forget(read.getCaseNumber());
		int updated = db.sql("UPDATE case_file SET version = version + 1 WHERE id = ? AND version = ?")
			.params(read.id(), read.version()).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"case " + read.getCaseNumber() + " changed since it was read at version " + read.version());
		}
		if (read.getMembers().stream().anyMatch(m -> m.memberNo() != 1)) {
			db.sql("DELETE FROM member_document WHERE case_file = ? AND member_no <> 1").param(read.id()).update();
			db.sql("DELETE FROM case_member WHERE case_file = ? AND member_no <> 1").param(read.id()).update();
		}
		for (Member member : others) {
			// the aggregate keeps its members in a list: the key is the member's place in it, member 1 at 0
			db.sql("""
					INSERT INTO case_member (case_file, case_file_key, member_no, relation, given_name, family_name,
					                         birth_date, nationality, languages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""").params(read.id(), member.memberNo() - 1, member.memberNo(), member.relation().name(),
					member.givenName(), member.familyName(), member.birthDate(), member.nationality(),
					member.languages()).update();
		}
		for (MemberDocument document : othersDocuments) {
			db.sql("""
					INSERT INTO member_document (case_file, member_no, document_type, number, number_key)
					VALUES (?, ?, ?, ?, ?)
					""").params(read.id(), document.memberNo(), document.documentType(), document.number(),
					document.numberKey()).update();
		}
	}

	/**
	 * Sets the status (closed at {@code closedAt}, or open again with {@code null}); false if there is
	 * no such case. It reads nothing first, so there is no earlier read whose version to check.
	 */
	boolean setStatus(String caseNumber, CaseStatus status, Instant closedAt) {
		forget(caseNumber);
		return db.sql("UPDATE case_file SET status = ?, closed_at = ?, version = version + 1 WHERE case_number = ?")
			.params(status.name(), closedAt == null ? null : OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC),
					caseNumber)
			.update() == 1;
	}

	/** The summaries read in the current transaction, bound to it; null outside a transaction. */
	@SuppressWarnings("unchecked")
	private static Map<String, CaseSummary> readInTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<String, CaseSummary> read = (Map<String, CaseSummary>) TransactionSynchronizationManager
			.getResource(READ_IN_TRANSACTION);
		if (read == null) {
			Map<String, CaseSummary> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(READ_IN_TRANSACTION, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				// a transaction of its own (REQUIRES_NEW) within this one starts with nothing read
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(READ_IN_TRANSACTION);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(READ_IN_TRANSACTION, fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(READ_IN_TRANSACTION);
				}

			});
			read = fresh;
		}
		return read;
	}

	private static final Object READ_IN_TRANSACTION = CaseFileStatements.class.getName() + ".readInTransaction";

	private static Member member(ResultSet row, int memberNo) throws SQLException {
		return new Member(memberNo, Relation.valueOf(row.getString("relation")), row.getString("given_name"),
				row.getString("family_name"), row.getObject("birth_date", LocalDate.class),
				row.getString("nationality"), row.getString("languages"));
	}

}

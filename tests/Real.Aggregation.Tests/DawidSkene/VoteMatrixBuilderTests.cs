using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Tests.DawidSkene;

public sealed class VoteMatrixBuilderTests
{
    [Fact]
    public void Sorts_votes_by_question_then_rater()
    {
        var votes = new VoteMatrixBuilder(3, 3)
            .Add(2, 1, Answer.Yes).Add(0, 2, Answer.No).Add(0, 0, Answer.Maybe).Add(2, 0, Answer.No)
            .Build();
        Assert.Equal([0, 2, 2, 4], votes.QuestionStarts.ToArray());
        Assert.Equal(
            [new Vote(0, 0, Answer.Maybe), new Vote(0, 2, Answer.No)],
            votes.VotesOf(0).ToArray());
        Assert.Empty(votes.VotesOf(1));
        Assert.Equal([new Vote(2, 0, Answer.No), new Vote(2, 1, Answer.Yes)], votes.VotesOf(2).ToArray());
        Assert.Equal(4, votes.VoteCount);
    }

    [Fact]
    public void A_re_rating_keeps_the_latest_answer_by_order()
    {
        var votes = new VoteMatrixBuilder(1, 2)
            .Add(0, 0, Answer.Yes, order: 30) // the latest, though added first
            .Add(0, 0, Answer.No, order: 10)
            .Add(0, 1, Answer.No, order: 5)
            .Build();
        Assert.Equal(Answer.Yes, votes.AnswerOf(0, 0));
        Assert.Equal(Answer.No, votes.AnswerOf(0, 1));
        Assert.Equal(2, votes.VoteCount);
    }

    [Fact]
    public void On_equal_order_the_vote_added_last_wins()
    {
        var votes = new VoteMatrixBuilder(1, 1)
            .Add(0, 0, Answer.No, order: 7)
            .Add(0, 0, Answer.Maybe, order: 7)
            .Build();
        Assert.Equal(Answer.Maybe, votes.AnswerOf(0, 0));
    }

    [Fact]
    public void Counts_votes_per_rater_and_answer()
    {
        var votes = new VoteMatrixBuilder(2, 2)
            .Add(0, 0, Answer.Yes).Add(1, 0, Answer.Yes).Add(1, 1, Answer.Maybe)
            .Build();
        Assert.Equal([0, 0, 2, 0, 1, 0], votes.CellCounts.ToArray());
        Assert.Equal(2, votes.VotesBy(0));
    }

    [Fact]
    public void An_extra_rater_is_merged_after_the_others()
    {
        var votes = new VoteMatrixBuilder(3, 1).Add(0, 0, Answer.No).Add(2, 0, Answer.Yes).Build();
        var extended = votes.WithExtraRater([Answer.Yes, null, Answer.No]);
        Assert.Equal(2, extended.RaterCount);
        Assert.Equal([new Vote(0, 0, Answer.No), new Vote(0, 1, Answer.Yes)], extended.VotesOf(0).ToArray());
        Assert.Empty(extended.VotesOf(1));
        Assert.Equal(Answer.No, extended.AnswerOf(2, 1));
    }

    [Fact]
    public void Rejects_a_rater_index_out_of_range_naming_it()
    {
        var builder = new VoteMatrixBuilder(1, 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(0, 2, Answer.Yes));
        Assert.Contains("Rater index", error.Message, StringComparison.Ordinal);
    }
}

"""Self-test quizzes on administrative reform and the contests run on them (trắc nghiệm)."""

"""Small extensions of Rasa Open Source 3.6.21 (engine env only; imports Rasa)."""
